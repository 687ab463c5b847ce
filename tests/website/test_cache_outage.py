"""Redis down: every page still answers, from the database, and nothing is an error page.

The cache is configured as production configures it (website.settings.base.cache_from_url) and
pointed at a port where nothing listens, so every cache call really fails to connect."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page

from website.settings.base import cache_from_url

pytestmark = pytest.mark.django_db

REDIS_DOWN = cache_from_url("redis://127.0.0.1:9/0")  # the discard port: connection refused


@pytest.fixture
def redis_down(settings, site_memo_on, monkeypatch):
    """Production's page cache and worker memory on, and the cache unreachable."""
    from website import cache

    settings.PAGE_CACHE_SECONDS = 600
    monkeypatch.setattr(cache, "_last_warning", [0.0])  # a warning a minute: this one is new
    with override_settings(CACHES={"default": REDIS_DOWN}):
        yield


def test_every_page_of_the_demo_site_answers_while_redis_is_down(client, redis_down, caplog):
    call_command("load_demo", stdout=StringIO())
    urls = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
    urls += ["/blog/tags/running/", "/search/?q=back", "/sitemap.xml"]
    for url in urls:
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            assert "X-Cache" not in response  # nothing served from, or put in, the page cache
    assert "Lakeside Spine" in client.get("/").content.decode()
    assert "Redis is unreachable" in caplog.text
