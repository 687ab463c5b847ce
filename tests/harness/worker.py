"""A real Celery worker process over the configured broker (file system locally, Redis in CI).

The worker is a separate process, so it talks to the test database through its own connection:
tests that use it must commit their data (`transactional_db`).
"""

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from .services import tcp_reachable, unavailable

BASE_DIR = Path(settings.BASE_DIR)


def database_url() -> str:
    """The URL of the *test* database this process is using, for the worker to use too."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def require_broker() -> None:
    url = settings.CELERY_BROKER_URL
    if url.startswith("redis") and not tcp_reachable(url):
        unavailable(f"Redis broker at {url} is not reachable")


class WorkerProcess:
    """One `celery worker` subprocess; its log is kept in var/ for when a test fails."""

    def __init__(self, email_url: str, extra_env: dict | None = None):
        self.name = f"test-{uuid.uuid4().hex[:8]}@%h"
        self.log_path = BASE_DIR / "var" / f"test-worker-{uuid.uuid4().hex[:8]}.log"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "website.settings.test",
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
            "CELERY_BROKER_FOLDER": str(settings.BROKER_FOLDER),
            "CELERY_TASK_DEFAULT_QUEUE": settings.CELERY_TASK_DEFAULT_QUEUE,
            "EMAIL_URL": email_url,
            "PYTHONUNBUFFERED": "1",
            **(extra_env or {}),
        }
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60.0) -> "WorkerProcess":
        self.log_path.parent.mkdir(exist_ok=True)
        log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "website", "worker", "--pool=solo",
             "--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat",
             "-Q", settings.CELERY_TASK_DEFAULT_QUEUE, "-n", self.name],
            cwd=BASE_DIR, env=self.env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"celery worker exited early:\n{self.log()}")
            if " ready." in self.log():
                return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"celery worker not ready within {timeout}s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def kill(self) -> None:
        """SIGKILL: the worker dies mid-task, as when a machine loses power."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def purge_broker() -> None:
    """Drops messages a previous run left on this run's queue (file broker: the whole folder)."""
    if settings.CELERY_BROKER_URL.startswith("filesystem://"):
        shutil.rmtree(settings.BROKER_FOLDER, ignore_errors=True)
        Path(settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_in"]).mkdir(parents=True)


@pytest.fixture
def start_worker(transactional_db, smtp_server_session):
    """Starts workers for this test (several, or again after a kill); all stopped afterwards."""
    require_broker()
    purge_broker()
    workers: list[WorkerProcess] = []

    def start(**extra_env) -> WorkerProcess:
        worker = WorkerProcess(smtp_server_session.url, extra_env).start()
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()


@pytest.fixture
def celery_worker(start_worker, smtp_server):
    """A running worker whose email goes to the test SMTP server (`smtp_server`)."""
    return start_worker()
