"""The site served as production serves it, by a real process over the test database: gunicorn
with the repository's gunicorn.conf.py, or `manage.py runserver` as `make run` serves it.

Each is a separate process with its own database connection: tests that use one must commit
their data (the fixtures ask for `transactional_db`).
"""

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from .services import free_port
from .worker import database_url

BASE_DIR = Path(settings.BASE_DIR)


class WebProcess:
    """One server subprocess on 127.0.0.1; what it writes to stderr is kept in `output_path`."""

    def __init__(self, command, port: int, output_path: Path, extra_env: dict, access_log=None):
        self.command = command
        self.port = port
        self.output_path = output_path
        self.access_log: Path | None = access_log
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "website.settings.test",
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
            "CELERY_BROKER_FOLDER": str(settings.BROKER_FOLDER),
            "PYTHONUNBUFFERED": "1",
            **extra_env,
        }
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> "WebProcess":
        output = self.output_path.open("w")
        self.process = subprocess.Popen(
            self.command, cwd=BASE_DIR, env=self.env, stdout=output, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.command[2]} exited early:\n{self.output()}")
            try:
                urllib.request.urlopen(f"{self.url}/robots.txt", timeout=2).close()
                return self
            except urllib.error.HTTPError:
                return self  # it answers
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{self.command[2]} did not answer within {timeout}s:\n{self.output()}")

    def output(self) -> str:
        return self.output_path.read_text(errors="replace") if self.output_path.exists() else ""

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


@pytest.fixture
def start_gunicorn(transactional_db, tmp_path):
    """`start_gunicorn(**env)`: gunicorn as docker-compose runs it (gunicorn.conf.py, access log
    on) on a free port; its access log is `server.access_log`. Stopped after the test."""
    servers: list[WebProcess] = []

    def start(**extra_env) -> WebProcess:
        port = free_port()
        access_log = tmp_path / f"gunicorn-{port}-access.log"
        command = [sys.executable, "-m", "gunicorn", "website.wsgi:application",
                   "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}",
                   "--workers", "1", "--access-logfile", str(access_log)]  # fmt: skip
        output = tmp_path / f"gunicorn-{port}.log"
        server = WebProcess(command, port, output, extra_env, access_log=access_log)
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def runserver(transactional_db, tmp_path):
    """`manage.py runserver`, the web server of `make run` (website/management/commands/
    runstack.py); its request log (stderr) is `runserver.output()`."""
    port = free_port()
    command = [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks",
               f"127.0.0.1:{port}"]  # fmt: skip
    server = WebProcess(command, port, tmp_path / "runserver.log", {}).start()
    yield server
    server.stop()
