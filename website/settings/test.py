"""The test suite. The database, broker and cache still come from the environment, so the same
suite runs on SQLite and the file-system broker on a laptop and on PostgreSQL and Redis in CI."""

import os
import uuid
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .base import (
    DATABASES,
    EMAIL_URL,
    STATIC_ROOT,
    VAR_DIR,
    WAGTAILSEARCH_BACKENDS,
    broker_transport_options,
    env,
    env_path,
)
from .caches import cache_from_url, rendition_cache

DEBUG = False
SECRET_KEY = "test-only-key-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if not EMAIL_URL:
    # Tests that need a real SMTP server start one and pass its address as EMAIL_URL.
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: the Celery worker the tests start is another process and must see it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}

# pytest-xdist runs the suite in several processes ("gw0", "gw1", …); each gets its own database
# (pytest-django's suffix), queue, broker folder, cache and media, so none sees another's.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")


def _queue_of_this_process() -> str:
    """Each test run gets its own queue, so a worker left running by `make run` never takes its
    tasks, and each xdist process its own within the run. It is put in os.environ, so the Celery
    worker the tests start inherits it (and, seeing the suffix already there, keeps it)."""
    queue = os.environ.get("CELERY_TASK_DEFAULT_QUEUE") or f"test-{uuid.uuid4().hex[:12]}"
    if XDIST_WORKER and not queue.endswith(f"-{XDIST_WORKER}"):
        queue = f"{queue}-{XDIST_WORKER}"
    os.environ["CELERY_TASK_DEFAULT_QUEUE"] = queue
    return queue


def redis_database_for_worker(url: str, worker_number: int) -> str:
    """redis://host:port/1 for gw0, /2 for gw1, … (Redis has 16 databases, 0 to 15)."""
    parts = urlsplit(url)
    configured = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{(configured + worker_number) % 16}"))


CELERY_TASK_DEFAULT_QUEUE = _queue_of_this_process()
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="filesystem://localhost/")
BROKER_FOLDER = env_path("CELERY_BROKER_FOLDER", VAR_DIR / f"test-broker{XDIST_WORKER}")
CELERY_BROKER_TRANSPORT_OPTIONS = broker_transport_options(CELERY_BROKER_URL, BROKER_FOLDER)
if CELERY_BROKER_URL.startswith("filesystem://"):
    # The file-system broker is polled, once a second by default: each task a test waits for
    # would wait up to that long to be picked up (Redis hands tasks over at once).
    CELERY_BROKER_TRANSPORT_OPTIONS["polling_interval"] = 0.1

# In-process memory by default; CI passes CACHE_URL=redis://… so the cache code meets real Redis.
CACHES = {"default": cache_from_url(env("CACHE_URL", default="locmem://"))}
CACHES["default"]["KEY_PREFIX"] = CELERY_TASK_DEFAULT_QUEUE
if XDIST_WORKER and CACHES["default"]["BACKEND"].endswith("RedisCache"):
    # A test that empties the cache (cache.clear() is Redis's FLUSHDB) must not empty another
    # process's: each xdist process takes the next Redis database after the configured one.
    CACHES["default"]["LOCATION"] = redis_database_for_worker(
        CACHES["default"]["LOCATION"], int(XDIST_WORKER.removeprefix("gw"))
    )
CACHES["renditions"] = rendition_cache(CACHES["default"])

# Uploads, renditions and handout PDFs of tests, apart from the site `make run` serves.
MEDIA_ROOT = env_path("MEDIA_ROOT", VAR_DIR / f"test-media{XDIST_WORKER}")

# Saving a page indexes it for search: a quarter of what a page save costs, in every test that
# builds pages, and only a test that searches reads the index. Such a test asks for the
# `search_index` fixture (tests/conftest.py), which turns it back on; the demo is always indexed.
WAGTAILSEARCH_BACKENDS = {"default": {**WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": False}}

# Static files come from the apps' folders through finders; whitenoise only wants the folder.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True
# Each file looked up when it is asked for (as in development), not all of them listed when the
# middleware starts: every test client starts its own, and listing the apps' ~230 files cost
# ~20 ms of CPU each time (half of a test that makes 250 clients), for the few tests that ask
# for a static file at all.
WHITENOISE_AUTOREFRESH = True

# On, as in production: tests run the path production takes. A save bumps the content version in
# the test's own transaction (website/invalidation.py), so the next request sees it. A test that
# changes content behind the signals' back (raw SQL, queryset.update()) calls
# website.invalidation.bump(), or turns these off.
PAGE_CACHE_SECONDS = 600
SITE_MEMO_SECONDS = 300
SITE_PARTS_SHARED_SECONDS = 300
