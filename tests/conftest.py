import shutil

import pytest

pytest_plugins = [
    "tests.harness.smtp",
    "tests.harness.worker",
    "tests.harness.browser",
    "tests.harness.pages",
    "tests.harness.web",
    "tests.harness.redis",
    "tests.harness.s3",
    "tests.harness.demo",
    "tests.harness.demo_prebuild",
    "tests.harness.served_demo",
]


def pytest_configure(config):
    """The Spanish catalogue compiled before Django reads it, however pytest was started (make
    test compiles it too; website/catalogues.py)."""
    from website.catalogues import compile_stale

    compile_stale()


@pytest.fixture(scope="session")
def django_db_keepdb(request, django_db_modify_db_settings, django_db_blocker):
    """This process's test database copied from one migrated once for the run (and kept for
    the next while no migration changes; tests/harness/database.py), then used by pytest-django
    as with --reuse-db; dropped at the end. `--reuse-db` and `--create-db` work as before."""
    if request.config.getvalue("reuse_db") or request.config.getvalue("create_db"):
        yield request.config.getvalue("reuse_db")
        return
    from tests.harness.database import copy_of_migrated_database

    with django_db_blocker.unblock():
        template = copy_of_migrated_database()
    yield template is not None
    if template is not None:
        with django_db_blocker.unblock():
            template.drop_test_database()


def pytest_collection_modifyitems(items):
    """Tests that commit (a live server, a worker) empty every table when they end. Serialized
    rollback puts back what migrations created (Wagtail's locale and root page, our groups) as
    each of them starts, so they run after every test that rolls back (pytest-django's order,
    kept in each xdist process by `--dist load`, see the Makefile). A test marked
    `django_db(transaction=True)` is one of them too: emptied without serialized rollback, the
    tables got Django's content types back with new ids, and the next test's restore failed."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        commits = marker is not None and marker.kwargs.get("transaction", False)
        if commits or {"transactional_db", "live_server"} & set(item.fixturenames):
            item.add_marker(
                pytest.mark.django_db(transaction=True, serialized_rollback=True), append=False
            )


@pytest.fixture(autouse=True)
def _content_version_of_its_own(request):
    """Each test starts under a content version of its own (website/invalidation.py). A test's
    database changes are rolled back, the version's row with them, but the cache keeps what it
    stored: without a fresh version a test could be served a page an earlier test cached."""
    from website import invalidation, page_fragments, site_memo

    invalidation.forget()
    site_memo.forget_all()
    page_fragments.forget_all()
    if request.node.get_closest_marker("django_db") or "_django_db_helper" in request.fixturenames:
        request.getfixturevalue("_django_db_helper")
        invalidation.bump()
    yield
    invalidation.forget()


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's default language, whatever an earlier one activated."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def search_index(settings):
    """Pages saved in this test are indexed for search, as in production (the test settings
    skip it for tests that never search; website/settings/test.py)."""
    from tests.harness.demo_snapshot import indexing_on

    settings.WAGTAILSEARCH_BACKENDS = indexing_on(settings.WAGTAILSEARCH_BACKENDS)


@pytest.fixture
def content_version_held(settings):
    """Each worker thread reads the content version again once a second: a query that would
    come and go with the test's speed. Held here, a query count is the same on every run."""
    settings.CONTENT_VERSION_RECHECK_SECONDS = 3600


@pytest.fixture
def page_cache_off(settings):
    """Every request builds its page, as on a page-cache miss (staff, search, a new version)."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def caching_off(settings):
    """Neither the page cache nor the workers' memory: for a test that moves the clock back or
    changes a setting under a running site, which production never does (a copy kept until
    5:00 PM is still valid when the clock goes back to Monday noon)."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.SITE_MEMO_SECONDS = 0
    settings.SITE_PARTS_SHARED_SECONDS = 0  # nor the fragments the workers share


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin_client, signed in with both factors (as staff really are)."""
    from tests.accounts.factories import login_verified

    login_verified(client, admin_user)
    return client


@pytest.fixture
def media_in_tmp(request, settings, tmp_path):
    """Uploaded images, their renditions and handout PDFs go to a throwaway folder, not
    var/media; returns it. A test on the shared demo finds the demo's pictures there too."""
    from django.core.cache import caches

    from tests.harness.demo import SHARED_DEMO

    settings.MEDIA_ROOT = tmp_path / "media"
    # Wagtail finds renditions in this cache by image id; ids come again after a rollback, and an
    # earlier test's rendition names a file in its own folder, not this one.
    caches["renditions"].clear()
    shared = request.config.stash.get(SHARED_DEMO, None)
    if shared is not None and "demo" in request.fixturenames and shared.media_root.exists():
        shutil.copytree(shared.media_root, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return settings.MEDIA_ROOT


@pytest.fixture
def redis_down(monkeypatch):
    """The cache configured as production configures it (website.settings.caches.cache_from_url)
    and pointed at a port where nothing listens, so every cache call really fails to connect.
    The backend's memory of earlier failures starts fresh and is put back afterwards."""
    from django.test import override_settings

    from website import cache
    from website.settings.caches import cache_from_url

    monkeypatch.setattr(cache, "_last_warning", [0.0])
    monkeypatch.setattr(cache, "_last_failure", [float("-inf")])
    with override_settings(CACHES={"default": cache_from_url("redis://127.0.0.1:9/0")}):
        yield
