"""The migrated test database, built once and copied into each test process.

Running the ~250 migrations (ours, Wagtail's, Django's) costs ~20 s of CPU, and each xdist
process used to run them all for its own database. Now the first process that needs a database
builds a template under a file lock; the others wait for it, then copy it (SQLite: the file;
PostgreSQL: CREATE DATABASE … TEMPLATE) and let pytest-django use that copy as with
`--reuse-db` (its `migrate` then finds nothing to do, and it still serializes what migrations
created for the tests that commit).

The template is named by a hash of what decides its content: every migration file, the
installed apps, the settings and the locked package versions. A later run with the same hash
copies it again; any change builds a new one (and drops the old).
"""

import fcntl
import hashlib
import shutil
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)
VAR_DIR = BASE_DIR / "var"
# Besides the migrations, what the migrated database depends on.
INPUTS = [
    BASE_DIR / "requirements" / "dev.lock",
    *sorted((BASE_DIR / "website" / "settings").glob("*.py")),
]


def migrations_hash() -> str:
    """Read from the files: importing the migrations would open the configured database."""
    from django.apps import apps

    digest = hashlib.sha256()
    digest.update(connection.vendor.encode())
    digest.update(repr(settings.INSTALLED_APPS).encode())
    files = [
        path
        for app in apps.get_app_configs()
        for path in sorted((Path(app.path) / "migrations").glob("*.py"))
    ]
    for path in files + INPUTS:
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@contextmanager
def file_lock(path: Path):
    path.parent.mkdir(exist_ok=True)
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def database_named(test_name: str):
    """Django's test-database creation pointed at `test_name`, then put back as it was."""
    names = connection.settings_dict["NAME"], connection.settings_dict["TEST"]["NAME"]
    connection.settings_dict["TEST"]["NAME"] = test_name
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"], connection.settings_dict["TEST"]["NAME"] = names
        settings.DATABASES[connection.alias]["NAME"] = names[0]


class SqliteTemplate:
    def __init__(self, key: str):
        self.path = VAR_DIR / f"test-db-template-{key}.sqlite3"

    def exists(self) -> bool:
        return self.path.exists()

    def build(self) -> None:
        for old in VAR_DIR.glob("test-db-template-*.sqlite3*"):
            old.unlink()
        building = self.path.with_name(self.path.name + ".building")
        with database_named(str(building)):
            connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
            with connection.cursor() as cursor:  # everything into the file itself, no -wal
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        building.replace(self.path)

    def copy_to_test_database(self) -> None:
        target = Path(connection.creation._get_test_db_name())
        connection.close()
        for leftover in (target, *(Path(f"{target}-{end}") for end in ("wal", "shm"))):
            leftover.unlink(missing_ok=True)
        shutil.copyfile(self.path, target)

    def drop_test_database(self) -> None:
        target = connection.settings_dict["NAME"]
        connection.close()
        for path in (Path(target), *(Path(f"{target}-{end}") for end in ("wal", "shm"))):
            path.unlink(missing_ok=True)


class PostgresTemplate:
    def __init__(self, key: str):
        self.prefix = f"test_{connection.settings_dict['NAME']}_tpl_"
        self.name = f"{self.prefix}{key}"

    def _execute(self, sql: str, params=()):
        with connection._nodb_cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall() if cursor.description else None

    def _quote(self, name: str) -> str:
        return connection.ops.quote_name(name)

    def exists(self) -> bool:
        return bool(self._execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.name]))

    def build(self) -> None:
        rows = self._execute("SELECT datname FROM pg_database WHERE datname LIKE %s",
                             [self.prefix.replace("_", r"\_") + "%"])  # fmt: skip
        for (old,) in rows:
            self._execute(f"DROP DATABASE IF EXISTS {self._quote(old)}")
        with database_named(self.name):
            connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)

    def copy_to_test_database(self) -> None:
        target = self._quote(connection.creation._get_test_db_name())
        connection.close()
        self._execute(f"DROP DATABASE IF EXISTS {target}")
        self._execute(f"CREATE DATABASE {target} TEMPLATE {self._quote(self.name)}")

    def drop_test_database(self) -> None:
        target = connection.settings_dict["NAME"]
        connection.close()
        connection.close_pool()
        self._execute(f"DROP DATABASE IF EXISTS {self._quote(target)}")


def template_for_this_database():
    """The template of the configured engine, or None for an engine this does not know."""
    key = migrations_hash()
    if connection.vendor == "sqlite" and not connection.creation.is_in_memory_db(
        connection.creation._get_test_db_name()
    ):
        return SqliteTemplate(key)
    if connection.vendor == "postgresql":
        return PostgresTemplate(key)
    return None


def copy_of_migrated_database(rebuild: bool = False):
    """Puts a migrated copy where this process's test database goes; returns the template, or
    None when the database is left for pytest-django to create and migrate."""
    template = template_for_this_database()
    if template is None:
        return None
    with file_lock(VAR_DIR / "test-db-template.lock"):
        if rebuild or not template.exists():
            template.build()
    template.copy_to_test_database()
    return template


def migrated_sqlite_file() -> Path | None:
    """The migrated SQLite template of this run, if the run is on SQLite and has built it: for
    a test that migrates a database of its own, which then finds nothing left to apply."""
    template = template_for_this_database()
    if isinstance(template, SqliteTemplate) and template.exists():
        return template.path
    return None
