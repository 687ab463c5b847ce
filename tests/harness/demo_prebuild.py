"""The run's migrated template (tests/harness/database.py) and demo snapshots
(tests/harness/demo_snapshot.py) built in the background from the start of an xdist run, while
the processes run the tests that do not need them.

The first process that needed the template built it (~20 s of CPU in a fresh clone) while the
other waited on the file lock with its core idle; the same for the demo snapshot (~13 s), whose
tests run last among those that roll back, and for the demo loaded on the hours tests' day
(LATE_NOVEMBER, `demo_loaded_at`). Now the first xdist process, once it has collected tests that
need a database, starts `python -m tests.harness.demo_prebuild`: a process of its own, on a copy
of the run's migrated template (its own file or database, the template built first if missing),
that takes the same locks and leaves the same snapshots, while the test processes run the tests
that need no database (run first: `pytest_collection_modifyitems` below). A test process that
gets there first builds it as before, and the builder, finding it made, stops; if the builder
fails, the lock is free and the first test that needs it builds it. A run of one process
(`-n 0`) builds each when it is needed, as there is no idle core to use.

The builder keeps nothing of the test process's own: not its cache (a Redis database it shares
with no one else), its Celery queue or broker folder, or its xdist name.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.harness.demo import uses_database

# Which snapshot the tests that ask for these fixtures need; the builder makes them in this order
# (the hours tests come before the tests that share the demo, which come last of theirs).
SNAPSHOTS = {"late-november": {"demo_loaded_at"}, "now": {"demo", "committed_demo", "demo_server"}}
BUILDER = pytest.StashKey[subprocess.Popen]()


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(items):
    """Once every other hook has ordered the tests, those that need no database go first (their
    order kept), so the test processes run them while the builder makes the template."""
    result = yield
    items[:] = sorted(items, key=uses_database)  # False first; sorted() is stable
    return result


def pytest_collection_finish(session):
    if os.environ.get("PYTEST_XDIST_WORKER") != "gw0":
        return
    asked = set().union(*(getattr(item, "fixturenames", ()) for item in session.items))
    needed = [name for name, fixtures in SNAPSHOTS.items() if fixtures & asked]
    # With no snapshot to make it still builds the migrated template.
    if not needed and not any(uses_database(item) for item in session.items):
        return
    from tests.harness.demo_snapshot import FOLDER, RUN

    folder = FOLDER / RUN[:16]
    folder.mkdir(parents=True, exist_ok=True)
    env = {key: value for key, value in os.environ.items()
           if key not in {"PYTEST_XDIST_WORKER", "CELERY_TASK_DEFAULT_QUEUE"}}  # fmt: skip
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.test",
        CACHE_URL="locmem://",
        CELERY_BROKER_URL="filesystem://localhost/",
        CELERY_BROKER_FOLDER=str(folder / "builder-broker"),
    )
    with (folder / "builder.log").open("w") as log:
        session.config.stash[BUILDER] = subprocess.Popen(
            [sys.executable, "-m", "tests.harness.demo_prebuild", *needed],
            cwd=Path(__file__).resolve().parents[2], env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip


def pytest_sessionfinish(session):
    """A run that ends first (a failure with -x, a short run) does not leave it running."""
    builder = session.config.stash.get(BUILDER, None)
    if builder is not None and builder.poll() is None:
        builder.terminate()
        builder.wait(timeout=30)


def build(names: list[str]) -> None:
    """In the builder: its own copy of the migrated template, the snapshots, the copy dropped."""
    from django.db import connection

    from tests.harness.database import copy_of_migrated_database
    from tests.harness.demo_snapshot import FOLDER, LATE_NOVEMBER, RUN, demo_snapshot

    test_settings = connection.settings_dict["TEST"]
    if connection.vendor == "sqlite":
        test_settings["NAME"] = str(FOLDER / RUN[:16] / "builder.sqlite3")
    else:
        test_settings["NAME"] = f"test_{connection.settings_dict['NAME']}_demo_builder"
    template = copy_of_migrated_database()
    if template is None:
        return  # an engine the template does not know: the tests build it as they need it
    connection.close()
    connection.settings_dict["NAME"] = test_settings["NAME"]
    clocks = {"late-november": LATE_NOVEMBER, "now": None}
    try:
        for name in names:
            demo_snapshot(clocks[name])
    finally:
        template.drop_test_database()


if __name__ == "__main__":
    import django

    django.setup()
    build(sys.argv[1:])
