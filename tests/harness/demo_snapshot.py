"""The demo (`manage.py load_demo`) loaded once per test run and put back as rows.

A load costs ~10 s of CPU (wagtail-localize's Spanish pages most of it), and a run needed it
several times: once per process for the tests that share it, once per process for the served
demo, and again for each test that loads it at a date of its own. Now the first process that
needs it runs `load_demo` for real, in a transaction it rolls back, and keeps what that left in
every table (and its pictures, and what the command printed) under var/test-demo/<run>/, behind
a file lock; every later use in any process of the run deletes every row and inserts those rows
(~0.1 s). Only this run reuses it: any change to the code or the demo's data shows in the next.

On SQLite the search index's full-text table is left to its triggers (rebuilt from the index's
own rows); on PostgreSQL the rows go through COPY and the sequences are moved past them.
"""

import os
import pickle
import shutil
import time
import uuid
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

from django.apps import apps
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import override_settings

from tests.harness.database import VAR_DIR, file_lock

# pytest-xdist gives every process of a run the same id; a run without it is one process.
RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex
FOLDER = VAR_DIR / "test-demo"
STALE_SECONDS = 2 * 3600  # a folder of an earlier run (a run leaves its own; the next clears it)
# The day the tests of the hours demo load it at (it adds the closures of the coming Thanksgiving
# and winter holidays): one clock for all of them, so the run builds that snapshot once, and
# ahead of them (tests/harness/demo_prebuild.py).
LATE_NOVEMBER = datetime(2026, 11, 21, 16, 0, tzinfo=UTC)


@dataclass
class Snapshot:
    output: str  # what load_demo printed
    tables: dict[str, tuple]  # table -> what restore() needs to put its rows back
    media: Path  # the demo's pictures and documents


_loaded: dict[str, Snapshot] = {}


def demo_snapshot(clock: datetime | None = None) -> Snapshot:
    """The demo as load_demo builds it (at `clock`, if given: the hours demo adds the closures
    coming after the day it runs), built once per run."""
    key = f"{connection.vendor}-{clock.isoformat() if clock else 'now'}".replace(":", "")
    if key not in _loaded:
        folder = FOLDER / RUN[:16]
        path = folder / f"{key}.pickle"
        folder.mkdir(parents=True, exist_ok=True)
        with file_lock(folder / f"{key}.lock"):
            if not path.exists():
                forget_earlier_runs()
                _build(path, folder / f"{key}-media", clock)
            _loaded[key] = pickle.loads(path.read_bytes())  # noqa: S301 (written just above)
    return _loaded[key]


def restore(snapshot: Snapshot, media_root: Path) -> None:
    """Every table as the snapshot has it (in the current transaction), its files in
    `media_root`, and nothing cached from before."""
    from website import invalidation

    shutil.copytree(snapshot.media, media_root, dirs_exist_ok=True)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            _restore_postgresql(snapshot.tables)
        else:
            _restore_sqlite(snapshot.tables)
        # What Wagtail caches of sites and renditions is cleared by signals a real load sends.
        # (Content types keep their ids: the snapshot's come from the same migrated template.)
        for cache in caches.all():
            cache.clear()
        invalidation.bump()  # the snapshot holds the builder's content version


def indexing_on(backends: dict) -> dict:
    """The search backends with their index updated on every save (as in production)."""
    return {name: {**params, "AUTO_UPDATE": True} for name, params in backends.items()}


def _build(path: Path, media: Path, clock: datetime | None) -> None:
    import time_machine
    from django.conf import settings

    travel = time_machine.travel(clock, tick=False) if clock else nullcontext()
    out = StringIO()
    # Indexed for search as `make run` indexes it (the test settings skip it for other tests).
    indexed = override_settings(WAGTAILSEARCH_BACKENDS=indexing_on(settings.WAGTAILSEARCH_BACKENDS))
    with transaction.atomic(), override_settings(MEDIA_ROOT=media), indexed, travel:
        call_command("load_demo", stdout=out)
        tables = _dump_postgresql() if connection.vendor == "postgresql" else _dump_sqlite()
        transaction.set_rollback(True)  # nothing it queued on commit is ever sent
    media.mkdir(parents=True, exist_ok=True)
    building = path.with_suffix(".building")
    building.write_bytes(pickle.dumps(Snapshot(out.getvalue(), tables, media)))
    building.replace(path)


def forget_earlier_runs(parent: Path = FOLDER) -> None:
    """A run leaves its folder under `parent` (another process may still read it); a later run
    clears it."""
    for folder in parent.glob("*"):
        if folder.name != RUN[:16] and time.time() - folder.stat().st_mtime > STALE_SECONDS:
            shutil.rmtree(folder, ignore_errors=True)


def _sqlite_tables() -> list[str]:
    """Every table but SQLite's own and the full-text tables (virtual, and their shadow tables),
    which the search index's triggers fill from its rows."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        rows = cursor.fetchall()
    virtual = [name for name, sql in rows if sql and sql.upper().startswith("CREATE VIRTUAL")]
    return [
        name
        for name, _ in rows
        if not name.startswith("sqlite_")
        and not any(name == v or name.startswith(f"{v}_") for v in virtual)
    ]


def _dump_sqlite() -> dict[str, tuple]:
    quote = connection.ops.quote_name
    tables = {}
    with connection.cursor() as cursor:
        for table in [*_sqlite_tables(), "sqlite_sequence"]:
            cursor.execute("SELECT name FROM pragma_table_info(%s)", [table])
            columns = [quote(name) for (name,) in cursor.fetchall()]
            # Unary plus: the values as stored, not turned into datetimes and decimals by the
            # converters Django registers for declared column types. (Table and column names
            # come from the database's catalogue, quoted: S608 below.)
            values = ", ".join(f"+{c}" for c in columns)
            cursor.execute(f"SELECT {values} FROM {quote(table)}")  # noqa: S608
            tables[table] = (columns, cursor.fetchall())
    return tables


def _restore_sqlite(tables: dict[str, tuple]) -> None:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in _sqlite_tables():
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
        for table, (columns, rows) in tables.items():
            if table == "sqlite_sequence":
                cursor.execute("DELETE FROM sqlite_sequence")
            if rows:
                marks = ", ".join(["%s"] * len(columns))
                insert = f"INSERT INTO {quote(table)} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608
                cursor.executemany(insert, rows)


def _dump_postgresql() -> dict[str, tuple]:
    tables = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            data = bytearray()
            with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} TO STDOUT") as copy:
                for chunk in copy:
                    data += chunk
            tables[table] = (bytes(data),)
    return tables


def _restore_postgresql(tables: dict[str, tuple]) -> None:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        present = connection.introspection.table_names(cursor)
        cursor.execute("; ".join(f"DELETE FROM {quote(table)}" for table in present))  # noqa: S608
        for table, (data,) in tables.items():
            if data:
                with cursor.cursor.copy(f"COPY {quote(table)} FROM STDIN") as copy:
                    copy.write(data)
        # As loaddata does: each sequence past the ids just written.
        models = apps.get_models(include_auto_created=True)
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
