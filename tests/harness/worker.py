"""A real Celery worker process over the configured broker (file system locally, Redis in CI).

The worker is a separate process, so it talks to the test database through its own connection:
tests that use it must commit their data (`transactional_db`).
"""

import itertools
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from .services import tcp_reachable, unavailable

BASE_DIR = Path(settings.BASE_DIR)
# "Task name[id] received", then "… succeeded in", "… retry:", "… raised unexpected:" and so on.
TASK_LINE = re.compile(r"\bTask [\w.]+\[([0-9a-f-]+)\] (\w+)")


def database_url() -> str:
    """The URL of the *test* database this process is using, for the worker to use too."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def wait_until(condition, what: str, timeout: float = 30.0, worker=None) -> None:
    """Polls `condition` until it holds; fails naming `what`, with the worker's log if given."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            log = f"; worker log:\n{worker.log()}" if worker else ""
            raise AssertionError(f"timed out after {timeout}s waiting for {what}{log}")
        time.sleep(0.1)


def queued() -> int:
    """Messages waiting on this run's queue, taken by no worker yet."""
    from website.celery import app

    with app.connection_for_write() as connection:
        declared = connection.default_channel.queue_declare(settings.CELERY_TASK_DEFAULT_QUEUE)
    return declared.message_count


def settle(*workers, quiet_for: float = 0.5, timeout: float = 60.0) -> None:
    """Waits until nothing more can happen: no message waits on the queue and every task these
    workers received has ended (a retry waiting for its countdown has not), for `quiet_for`
    seconds in a row, as a message leaves the queue a moment before its worker logs it. Then a
    duplicate email or a retry, had there been one coming, has arrived."""
    quiet_since = None
    deadline = time.monotonic() + timeout
    while quiet_since is None or time.monotonic() - quiet_since < quiet_for:
        if time.monotonic() > deadline:
            logs = "\n".join(worker.log() for worker in workers)
            raise AssertionError(f"workers still busy after {timeout}s:\n{logs}")
        for worker in workers:  # a worker that stopped on its own takes nothing more: fail now
            if worker.died():
                raise AssertionError(f"the worker stopped by itself:\n{worker.log()}")
        quiet = all(worker.idle() for worker in workers) and queued() == 0
        quiet_since = (quiet_since or time.monotonic()) if quiet else None
        time.sleep(0.1)


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
        self.ended = False  # by the test (kill, stop), not by a crash

    def start(self, timeout: float = 60.0) -> "WorkerProcess":
        self.log_path.parent.mkdir(exist_ok=True)
        log = self.log_path.open("w")
        self.ended = False
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

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def died(self) -> bool:
        """Ended without the test ending it (kill, stop): a crash."""
        return self.process is not None and self.process.poll() is not None and not self.ended

    def idle(self) -> bool:
        """Every task this worker has received has ended (succeeded, failed or retried)."""
        pending = Counter()
        for task_id, what in TASK_LINE.findall(self.log()):
            pending[task_id] += 1 if what == "received" else -1
        return all(count <= 0 for count in pending.values())

    def kill(self) -> None:
        """SIGKILL: the worker dies mid-task, as when a machine loses power."""
        self.ended = True
        if self.alive():
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        self.ended = True
        if self.alive():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


class LogSince:
    """A worker seen from one test: what it logged since the test began, and the worker itself."""

    def __init__(self, worker: WorkerProcess):
        self.worker = worker
        self.offset = len(worker.log())

    def log(self) -> str:
        return self.worker.log()[self.offset :]

    def idle(self) -> bool:
        return self.worker.idle()

    def died(self) -> bool:
        return self.worker.died()


class SharedWorker:
    """One worker for every test that needs the plain one: a worker takes ~1.5 s to start and,
    polling its broker, ~4 s to stop. Between tests it is left with nothing to do: the queue is
    purged and whatever it received has ended, or it is stopped and the next test starts another.
    """

    def __init__(self, email_url: str):
        self.email_url = email_url
        self.worker: WorkerProcess | None = None

    def get(self) -> WorkerProcess:
        if self.worker is None or not self.worker.alive():
            self.worker = WorkerProcess(self.email_url).start()
        return self.worker

    def settle(self, timeout: float = 15.0) -> None:
        if self.worker is None or not self.worker.alive():
            return
        from website.celery import app

        app.control.purge()  # what this test queued and nobody took
        deadline = time.monotonic() + timeout
        while not self.worker.idle():
            if time.monotonic() > deadline:  # e.g. a retry waiting for its countdown
                self.stop()
                return
            time.sleep(0.1)

    def stop(self) -> None:
        """Killed outright: it is idle (settle), so nothing is lost, and it saves the ~4 s a
        warm shutdown spends waiting for the broker's next poll."""
        if self.worker is not None:
            self.worker.kill()
            self.worker = None


def purge_broker() -> None:
    """Drops messages a previous run or test left on this run's queue (file broker: the whole
    folder, as no worker runs now)."""
    if settings.CELERY_BROKER_URL.startswith("filesystem://"):
        shutil.rmtree(settings.BROKER_FOLDER, ignore_errors=True)
        Path(settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_in"]).mkdir(parents=True)
    else:
        from website.celery import app

        app.control.purge()


@pytest.fixture(scope="session")
def _shared_worker(smtp_server_session):
    shared = SharedWorker(smtp_server_session.url)
    yield shared
    shared.stop()


@pytest.fixture
def celery_worker(transactional_db, _shared_worker, smtp_server):
    """The session's worker, its email going to the test SMTP server (`smtp_server`); `.log()`
    is what it logged during this test."""
    require_broker()
    yield LogSince(_shared_worker.get())
    _shared_worker.settle()


@pytest.fixture
def start_worker(transactional_db, smtp_server_session, _shared_worker):
    """Starts workers of this test's own (several, other settings, again after a kill); the
    shared worker is stopped first so that it takes none of this test's tasks."""
    require_broker()
    _shared_worker.stop()
    purge_broker()
    workers: list[WorkerProcess] = []

    def start(**extra_env) -> WorkerProcess:
        worker = WorkerProcess(smtp_server_session.url, extra_env).start()
        workers.append(worker)
        return worker

    yield start
    # The test is over: what they were doing no longer matters (the tables are emptied next and
    # the queue purged before any other worker starts), so no warm shutdown to wait for.
    for worker in workers:
        worker.kill()


def beat_schedule(tmp_path) -> list[str]:
    """Starts the real `celery beat`, as `make run` and compose do, and returns the lines of the
    schedule it loaded ("<name>: <task>() <schedule>"): what beat will really run, whatever
    order this process imported the tasks in."""
    log_path = tmp_path / "beat.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
        "CELERY_BROKER_FOLDER": str(settings.BROKER_FOLDER),
    }
    with log_path.open("w") as log:
        beat = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "website", "beat", "--loglevel=DEBUG",
             "--schedule", str(tmp_path / "schedule")],
            cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            wait_until(lambda: "Current schedule" in log_path.read_text(), "beat's schedule")
            assert beat.poll() is None, log_path.read_text()
        finally:
            beat.terminate()
            beat.wait(timeout=20)
    text = log_path.read_text()
    # The entries follow "Current schedule:", one per line; on a slow machine beat may already have
    # logged sending a due task after them, which names an entry too.
    lines = text[text.index("Current schedule") :].splitlines()[1:]
    return list(itertools.takewhile(lambda line: line.startswith("<ScheduleEntry"), lines))
