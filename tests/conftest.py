import pytest

pytest_plugins = [
    "tests.harness.smtp",
    "tests.harness.worker",
    "tests.harness.browser",
    "tests.harness.pages",
    "tests.harness.web",
    "tests.harness.demo",
]


def pytest_collection_modifyitems(items):
    """Tests that commit (a live server, a worker) empty every table when they end. Serialized
    rollback puts back what migrations created (Wagtail's locale and root page, our groups),
    so the tests after them start from the same database as any other."""
    for item in items:
        if {"transactional_db", "live_server"} & set(item.fixturenames):
            item.add_marker(
                pytest.mark.django_db(transaction=True, serialized_rollback=True), append=False
            )


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin_client, signed in with both factors (as staff really are)."""
    from tests.accounts.factories import login_verified

    login_verified(client, admin_user)
    return client


@pytest.fixture
def media_in_tmp(settings, tmp_path):
    """Uploaded images, their renditions and handout PDFs go to a throwaway folder, not
    var/media; returns it."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def redis_down(monkeypatch):
    """The cache configured as production configures it (website.settings.base.cache_from_url)
    and pointed at a port where nothing listens, so every cache call really fails to connect.
    The backend's memory of earlier failures starts fresh and is put back afterwards."""
    from django.test import override_settings

    from website import cache
    from website.settings.base import cache_from_url

    monkeypatch.setattr(cache, "_last_warning", [0.0])
    monkeypatch.setattr(cache, "_last_failure", [float("-inf")])
    with override_settings(CACHES={"default": cache_from_url("redis://127.0.0.1:9/0")}):
        yield
