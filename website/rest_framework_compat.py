"""On a site whose database is not PostgreSQL (SQLite: `make run`, `make bench`), the REST
framework is imported without psycopg: about 9 MB a worker for nothing.

Wagtail's admin (its page explorer API) and wagtail-localize import the REST framework, so every
worker imports it on its first request (Wagtail's hook search, the admin URLs). Its `compat`
module tries `from django.contrib.postgres import fields`, which imports psycopg whenever psycopg
is installed (it is: production runs on PostgreSQL), and tolerates an ImportError: then it only
leaves out the serializer fields for PostgreSQL's own column types (ArrayField, HStoreField,
JSONField of django.contrib.postgres), which a database other than PostgreSQL cannot have.
On PostgreSQL nothing changes: the connection loads psycopg anyway and the fields are kept.
tests/website/test_rest_framework_compat.py pins the REST framework's tolerant import.
"""

import sys

from django.conf import settings

PSYCOPG = ("psycopg", "psycopg2")


def import_without_psycopg() -> bool:
    """Import `rest_framework.compat` with psycopg unavailable, unless a database is PostgreSQL
    or either module is imported already. Returns whether it did."""
    engines = [database["ENGINE"] for database in settings.DATABASES.values()]
    if any("postgres" in engine for engine in engines):
        return False
    if any(name in sys.modules for name in ("rest_framework.compat", *PSYCOPG)):
        return False
    for name in PSYCOPG:
        sys.modules[name] = None  # `import psycopg` raises ImportError meanwhile
    try:
        import rest_framework.compat  # noqa: F401
    finally:
        for name in PSYCOPG:
            del sys.modules[name]
    return True
