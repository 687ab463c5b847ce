"""The processes a benchmark runs against: gunicorn, Celery workers and beat, a private Redis,
and an SMTP server in this process that counts what arrives (and can answer slowly)."""

import asyncio
import email
import email.policy
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class CountingSmtpServer:
    """Keeps (To, Subject, Message-ID) of each message; answers after `reply_delay` seconds."""

    def __init__(self, reply_delay: float = 0.0):
        self.port = free_port()
        self.reply_delay = reply_delay
        self.received: list[tuple[str, str, str]] = []
        self.lock = threading.Lock()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope):
        if self.reply_delay:
            await asyncio.sleep(self.reply_delay)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.received.append((message["To"], message["Subject"], message["Message-ID"]))
        return "250 OK"

    def start(self):
        self._controller.start()
        return self

    def stop(self):
        self._controller.stop()

    def messages(self) -> list[tuple[str, str, str]]:
        with self.lock:
            return list(self.received)


class Stack:
    """One site with its own folder, database, queue and (optionally) Redis broker."""

    def __init__(self, smtp: CountingSmtpServer, use_redis: bool, web_workers: int = 2):
        self.folder = Path(tempfile.mkdtemp(prefix="practice-bench-"))
        self.web_port = free_port()
        self.web_workers = web_workers
        self.redis_port = free_port() if use_redis else None
        self.processes: dict[str, subprocess.Popen] = {}
        self.db_path = self.folder / "db.sqlite3"
        broker = (
            f"redis://127.0.0.1:{self.redis_port}/0" if use_redis else "filesystem://localhost/"
        )
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "website.settings.dev",
            "DEBUG": "false",
            "SECRET_KEY": "benchmark-only-not-secret",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": f"http://127.0.0.1:{self.web_port}",
            "DATABASE_URL": f"sqlite:///{self.db_path}",
            "CELERY_BROKER_URL": broker,
            "CELERY_BROKER_FOLDER": str(self.folder / "broker"),
            "CELERY_TASK_DEFAULT_QUEUE": "bench",
            "CACHE_URL": f"file://{self.folder / 'cache'}",
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp.port}",
            "EMAIL_TIMEOUT": "30",
            "APPOINTMENT_MIN_SUBMIT_SECONDS": "0",
            "APPOINTMENT_RATE_LIMIT": "1000000",
            "APPOINTMENT_DELIVERY_LEASE_SECONDS": "20",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    def manage(self, *args: str) -> None:
        subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip

    def start(self, celery_workers: int = 1, beat: bool = False) -> "Stack":
        if self.redis_port:
            self.start_redis()
        self.manage("migrate", "--noinput")
        self.manage("load_demo")
        self._spawn(
            "web",
            [PYTHON, "-m", "gunicorn", "website.wsgi:application", "--bind",
             f"127.0.0.1:{self.web_port}", "--workers", str(self.web_workers)],
        )  # fmt: skip
        for number in range(celery_workers):
            self.start_worker(f"worker{number}")
        if beat:
            schedule = str(self.folder / "celerybeat-schedule")
            self._spawn("beat", [PYTHON, "-m", "celery", "-A", "website", "beat", "-s", schedule])
        self._wait_for_web()
        return self

    def start_worker(self, name: str) -> None:
        self._spawn(
            name,
            [PYTHON, "-m", "celery", "-A", "website", "worker", "--pool=solo", "-Q", "bench",
             "-n", f"{name}@%h", "--without-gossip", "--without-mingle", "--loglevel=WARNING"],
        )  # fmt: skip

    def kill(self, name: str) -> None:
        """SIGKILL: the process dies wherever it is, as on a power cut."""
        process = self.processes.pop(name)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

    def start_redis(self) -> None:
        # Append-only, as in docker-compose: queued tasks survive a restart.
        self._spawn(
            "redis",
            ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1",
             "--dir", str(self.folder), "--appendonly", "yes", "--save", ""],
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.redis_port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop_redis(self) -> None:
        process = self.processes.pop("redis")
        process.send_signal(signal.SIGTERM)  # saves the append-only file, like `docker stop`
        process.wait(timeout=20)

    def log(self, name: str) -> str:
        path = self.folder / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        self.processes.clear()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _spawn(self, name: str, command: list[str]) -> None:
        log = (self.folder / f"{name}.log").open("a")
        self.processes[name] = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )

    def _wait_for_web(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/request-appointment/", timeout=2).close()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the web server did not start")
