"""Redis down (the `redis_down` fixture): every page still answers, from the database, and
nothing is an error page; a Redis that does not answer is not waited on again and again."""

import pytest
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCacheClient
from wagtail.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def production_caching(settings, site_memo_on):
    """Production's page cache and worker memory on."""
    settings.PAGE_CACHE_SECONDS = 600


def test_every_page_of_the_demo_site_answers_while_redis_is_down(
    client, demo, production_caching, redis_down, caplog
):
    urls = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
    urls += ["/blog/tags/running/", "/search/?q=back", "/sitemap.xml"]
    for url in urls:
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            assert "X-Cache" not in response  # nothing served from, or put in, the page cache
    assert "Lakeside Spine" in client.get("/").content.decode()
    assert "Redis is unreachable" in caplog.text


def test_after_a_failure_redis_is_left_alone_for_a_few_seconds(redis_down, monkeypatch):
    attempts = []
    connect_and_get = RedisCacheClient.get

    def counted(client, *args, **kwargs):
        attempts.append(args)
        return connect_and_get(client, *args, **kwargs)

    monkeypatch.setattr(RedisCacheClient, "get", counted)
    assert cache.get("a", "missed") == "missed"
    assert len(attempts) == 1  # tried, and failed
    for _ in range(5):
        assert cache.get("a", "missed") == "missed"
    assert cache.add("a", 1) is False
    assert len(attempts) == 1  # no connection attempted again yet
