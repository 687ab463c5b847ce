"""An exclusive lock that every web node and worker sharing the database respects.

PostgreSQL: an advisory lock (pg_try_advisory_xact_lock), PostgreSQL's own mechanism for this.
It locks no row; it is held by a transaction around the body and goes when that transaction
ends (committed, rolled back, or its connection lost with a node that died mid-build), so it can
never be left held.

SQLite: a database file can only be shared by processes on one machine, so a file lock (flock)
in a folder beside the database file is seen by all of them, whatever their MEDIA_ROOT.

Waiting is polling (every 0.1 s) up to a deadline, never a wait inside the database: a waiter
ties up no lock queue and gives up on time.
"""

import fcntl
import tempfile
import time
import zlib
from contextlib import contextmanager
from pathlib import Path

from django.db import connection, transaction

POLL_SECONDS = 0.1


class LockTimeout(Exception):
    """Another process held the lock for longer than the caller would wait."""


@contextmanager
def exclusive(namespace: str, key: int, wait: float):
    """Holds the lock named (namespace, key) for the body of the `with`; raises LockTimeout
    after `wait` seconds of someone else holding it."""
    if connection.vendor == "postgresql":
        lock = _advisory_lock(namespace, key, wait)
    else:
        lock = _file_lock(namespace, key, wait)
    with lock:
        yield


def _wait_for(try_once, wait: float) -> None:
    deadline = time.monotonic() + wait
    while not try_once():
        if time.monotonic() >= deadline:
            raise LockTimeout(f"still held after {wait:g}s")
        time.sleep(POLL_SECONDS)


def _namespace_id(namespace: str) -> int:
    """PostgreSQL's two-key advisory locks take two int4: the namespace's CRC-32 as the first."""
    value = zlib.crc32(namespace.encode())
    return value - 2**32 if value >= 2**31 else value


@contextmanager
def _advisory_lock(namespace: str, key: int, wait: float):
    """A transaction-level advisory lock: released when the transaction around the body ends,
    however it ends (an error in the body cannot leave it held on a kept connection). Inside a
    caller's own transaction it lasts until that one ends."""
    keys = (_namespace_id(namespace), key)

    def try_once() -> bool:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_xact_lock(%s, %s)", keys)
            return cursor.fetchone()[0]

    with transaction.atomic():
        _wait_for(try_once, wait)
        yield


def _lock_folder() -> Path:
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or name.startswith("file:"):
        return Path(tempfile.gettempdir()) / "practice-locks"
    return Path(name).resolve().parent / f".{Path(name).name}-locks"


@contextmanager
def _file_lock(namespace: str, key: int, wait: float):
    folder = _lock_folder()
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f"{namespace}-{key}.lock").open("a") as lock_file:

        def try_once() -> bool:
            try:
                fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            return True

        _wait_for(try_once, wait)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)
