"""The demo site committed once and served by a live server thread, for browser tests that only
read it: `demo_server` (a pytest-django LiveServer; `demo_server.url`).

A test on pytest-django's `live_server` runs as a TransactionTestCase: the demo it needs is
loaded and committed for it alone, and every table is emptied (and what migrations created put
back) when it ends. Tests that only look at the demo need neither: the demo is committed once
per process and stays until a test that uses the database another way comes (or the session
ends), then goes the same way (flush, then what migrations created put back). These tests run
after every other database test (pytest_collection_modifyitems), so a process loads it once.

A test that adds to the served demo (one more article, say) asks for a fixture named
`demo_server_with_<what>` that calls `extend`: those tests run after the plain ones, grouped by
what they add, and a plain test after them gets the demo loaded afresh.
"""

import json
import os

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from tests.harness.demo import uses_database
from tests.harness.demo_snapshot import demo_snapshot, restore

SERVED_DEMO = pytest.StashKey["ServedDemo"]()
EXTENSION_PREFIX = "demo_server_with_"
CONTENT_TYPE = "contenttypes.contenttype"
DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "demo"}


class ServedDemo:
    def __init__(self, blocker, media_root):
        self.blocker = blocker
        self.media_root = media_root
        self.extensions: list[str] | None = None  # None: not loaded
        self.migrated: str | None = None  # the rows migrations created, serialized

    @property
    def loaded(self) -> bool:
        return self.extensions is not None

    def ensure(self, extensions: tuple[str, ...] = ()) -> None:
        """The demo, with nothing added that this test does not ask for (else it is loaded
        again); its own extension fixtures add what is missing."""
        if self.loaded and self.extensions != list(extensions[: len(self.extensions)]):
            self.release()
        if not self.loaded:
            with self.blocker.unblock():
                self._keep_migrated()
                restore(demo_snapshot(), self.media_root)  # committed: every row replaced
            self.extensions = []

    def extend(self, name: str, build) -> None:
        """Applies `build()` (committed) unless this demo already has it."""
        if name not in self.extensions:
            with self.blocker.unblock(), override_settings(MEDIA_ROOT=self.media_root):
                build()
            self.extensions.append(name)

    def release(self) -> None:
        if self.loaded:
            with self.blocker.unblock():
                self._as_migrated()
            self.extensions = None

    def _keep_migrated(self) -> None:
        """What migrations created, serialized, to put back when the demo goes (the tables are
        as migrations left them: these tests run after every other database test)."""
        if self.migrated is None:
            self.migrated = getattr(connection, "_test_serialized_contents", None)
        if self.migrated is None:  # no transactional test in this run: the tables are as made
            self.migrated = connection.creation.serialize_db_to_string()

    def _as_migrated(self) -> None:
        """Every table as migrations left it, as pytest-django's transactional tests leave it
        (a flush, then the serialized rows put back)."""
        self._keep_migrated()
        # Sequences kept, as TransactionTestCase keeps them: the restored rows carry their ids,
        # and PostgreSQL's sequences, restarted, would hand out id 1 again (SQLite's follow).
        call_command(
            "flush", verbosity=0, interactive=False, inhibit_post_migrate=True,
            reset_sequences=False,
        )  # fmt: skip
        # Wagtail's Task() looks its content type up while the rows are put back: the content
        # types go first, so it finds the restored row (a cached id from before the flush may
        # name none; a missing row it would create, and the restore insert it again).
        ContentType.objects.clear_cache()
        content_types = [row for row in json.loads(self.migrated) if row["model"] == CONTENT_TYPE]
        connection.creation.deserialize_db_from_string(json.dumps(content_types))
        connection.creation.deserialize_db_from_string(self.migrated)


def served(item) -> bool:
    return "demo_server" in getattr(item, "fixturenames", ())


def extensions_of(item) -> tuple[str, ...]:
    return tuple(sorted(n for n in item.fixturenames if n.startswith(EXTENSION_PREFIX)))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The served demo's tests after every other test, the plain ones first, then grouped by
    what they add to it (stable: collection order within each group)."""
    shown = sorted((item for item in items if served(item)), key=extensions_of)
    items[:] = [item for item in items if not served(item)] + shown


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before a test that uses the database any other way sets anything up, the demo goes."""
    shown = item.config.stash.get(SERVED_DEMO, None)
    if shown and shown.loaded and not served(item) and uses_database(item):
        shown.release()


def _test_database_even_if_no_other_test_asks(request, django_db_blocker) -> None:
    """pytest-django sets up the test database only for the tests that ask for it by a marker
    or its fixtures, which `demo_server` tests do not: run alone (`pytest tests/website/
    test_browser.py`), they would load the demo into, and flush, the configured database."""
    from django.test.utils import setup_databases
    from pytest_django.fixtures import _get_databases_for_setup  # its own choice, to follow

    if "default" not in _get_databases_for_setup(request.session.items)[0]:
        with django_db_blocker.unblock():
            setup_databases(0, False, aliases={"default"}, serialized_aliases=set(), keepdb=True)


@pytest.fixture(scope="session")
def _served_demo(request, django_db_setup, django_db_blocker, tmp_path_factory):
    from pytest_django.live_server_helper import LiveServer

    _test_database_even_if_no_other_test_asks(request, django_db_blocker)
    shown = ServedDemo(django_db_blocker, tmp_path_factory.mktemp("served-demo-media"))
    request.config.stash[SERVED_DEMO] = shown
    address = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(address)
    yield shown, server
    server.stop()
    shown.release()


@pytest.fixture
def demo_server(request, _served_demo, django_db_blocker, settings):
    """A live server of the demo site, committed and shared: for tests that only read it."""
    if DATABASE_FIXTURES & set(request.fixturenames):
        pytest.fail("`demo_server` is for tests that only read the demo: use committed_demo")
    shown, server = _served_demo
    shown.ensure(extensions_of(request.node))
    settings.MEDIA_ROOT = shown.media_root  # where its pictures are, for the server's thread
    with django_db_blocker.unblock():  # the server's threads read the database
        yield server


def extend(request, build) -> None:
    """For a `demo_server_with_<what>` fixture: `build()` adds <what> to the served demo,
    committed, unless it is there already."""
    request.config.stash[SERVED_DEMO].extend(request.fixturename, build)
