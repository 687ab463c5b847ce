"""The demo site (`manage.py load_demo`), loaded once and shared by the tests that read it.

The `demo` fixture loads it in a transaction that stays open from the first test that asks for it
to the first test after them that uses the database without it. Each test runs inside it as any
other database test does (pytest-django's TestCase: a savepoint rolled back at its end), so what
one test writes the next never sees. Those tests are run one after another, last of the tests
that roll back (pytest_collection_modifyitems), so a run loads the demo once.

Tests that commit (a live server, a worker) cannot share it: other processes see only committed
rows, and such tests empty every table when they end. They get it each (`committed_demo`).

Neither runs `load_demo` itself: the run loads it once and each puts its rows back
(tests/harness/demo_snapshot.py).
"""

from pathlib import Path

import pytest
from django.db import transaction

from tests.harness.demo_snapshot import demo_snapshot, restore

SHARED_DEMO = pytest.StashKey["SharedDemo"]()
COMMITS = {"transactional_db", "live_server"}


class SharedDemo:
    def __init__(self, blocker, media_root):
        self.blocker = blocker
        self.media_root = media_root  # the demo's pictures, for every test that shares it
        self.transaction = None

    @property
    def loaded(self) -> bool:
        return self.transaction is not None

    def load(self) -> None:
        with self.blocker.unblock():
            snapshot = demo_snapshot()  # built (and rolled back) before this transaction
            self.transaction = transaction.atomic()
            self.transaction.__enter__()
            restore(snapshot, self.media_root)

    def release(self) -> None:
        if self.transaction is not None:
            with self.blocker.unblock():
                transaction.set_rollback(True)
                self.transaction.__exit__(None, None, None)
            self.transaction = None


def rolls_back(item) -> bool:
    """pytest-django runs this test in a transaction it rolls back (and runs these first)."""
    marker = item.get_closest_marker("django_db")
    commits = COMMITS & set(item.fixturenames) or (marker and marker.kwargs.get("transaction"))
    return bool(marker or "db" in item.fixturenames) and not commits


def uses_database(item) -> bool:
    return bool(item.get_closest_marker("django_db") or "django_db_setup" in item.fixturenames)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """After pytest-django's order (tests that roll back, then tests that commit, then the rest),
    the demo's tests go last among those that roll back, one after another."""
    demo_tests = [item for item in items if "demo" in item.fixturenames]
    others = [item for item in items if "demo" not in item.fixturenames]
    first_after = next((n for n, item in enumerate(others) if not rolls_back(item)), len(others))
    items[:] = others[:first_after] + demo_tests + others[first_after:]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before a test that uses the database without the demo sets anything up, the demo goes."""
    shared = item.config.stash.get(SHARED_DEMO, None)
    if shared and shared.loaded and "demo" not in item.fixturenames and uses_database(item):
        shared.release()


@pytest.fixture(scope="session")
def _shared_demo(request, django_db_setup, django_db_blocker, tmp_path_factory):
    # Session-scoped, so it is set up before the test's own transaction begins.
    shared = SharedDemo(django_db_blocker, tmp_path_factory.mktemp("demo-media"))
    request.config.stash[SHARED_DEMO] = shared
    shared.load()
    yield shared
    shared.release()


@pytest.fixture
def committed_demo(transactional_db, media_in_tmp):
    """The demo site, committed, for a test whose live server or worker reads it (its pictures
    in a throwaway folder)."""
    restore(demo_snapshot(), media_in_tmp)


@pytest.fixture
def demo(request, _shared_demo, db, settings):
    """The demo site, as `manage.py load_demo` builds it; what the test writes is rolled back.
    (Nothing an earlier test cached is served: each test gets a content version of its own,
    tests/conftest.py.)"""
    if COMMITS & set(request.fixturenames):
        pytest.fail("`demo` is for tests that roll back; a test that commits loads the demo")
    settings.MEDIA_ROOT = _shared_demo.media_root  # where its pictures are
    if not _shared_demo.loaded:  # a test between needed the database without it
        restore(demo_snapshot(), _shared_demo.media_root)


@pytest.fixture
def demo_loaded_at(db, settings):
    """`demo_loaded_at(clock)` puts the demo in the test's database as `load_demo` built it at
    `clock` (once per run) and returns what the command printed: for a test of what a load does
    at a date of its own (the hours demo adds the closures coming after it)."""

    def load(clock):
        snapshot = demo_snapshot(clock)
        restore(snapshot, Path(settings.MEDIA_ROOT))
        return snapshot.output

    return load
