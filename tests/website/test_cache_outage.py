"""Redis down (the `redis_down` fixture): every page still answers, from the database, and
nothing is an error page; a Redis that does not answer is not waited on again and again."""

import pytest
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCacheClient
from wagtail.models import Page

from website.models import PracticeSettings

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_every_page_of_the_demo_site_answers_while_redis_is_down(client, demo, redis_down, caplog):
    urls = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
    urls += ["/blog/tags/running/", "/search/?q=back", "/sitemap.xml"]
    for url in urls:
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.get("X-Cache") != "HIT"  # built from the database every time
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


@pytest.fixture
def hanging_redis(redis_server, monkeypatch):
    """The cache on a Redis of the test's own, which the test may stop and let answer again.
    When it answers again the backend tries it at once (as it does 5 s after a failure)."""
    from django.test import override_settings

    from website import cache as resilient_cache
    from website.settings.caches import cache_from_url

    monkeypatch.setattr(resilient_cache, "_last_failure", [float("-inf")])

    def resume():
        redis_server.resume()
        resilient_cache._last_failure[0] = float("-inf")

    redis_server.answer_again = resume
    with override_settings(CACHES={"default": cache_from_url(redis_server.url)}):
        yield redis_server


def test_a_publish_while_redis_hangs_shows_once_it_answers_again(
    client, home_page, hanging_redis, django_capture_on_commit_callbacks
):
    """The change is kept where the content is (the database), not in the cache that hangs:
    Redis comes back holding the old copy, under a key no request asks for any more."""
    page = StandardPageFactory(parent=home_page, title="Insurance", slug="insurance")
    assert client.get(page.url)["X-Cache"] == "MISS"
    assert client.get(page.url)["X-Cache"] == "HIT"
    hanging_redis.pause()
    page.title = "Insurance we accept"
    with django_capture_on_commit_callbacks(execute=True):  # as a real commit would
        page.save_revision().publish()
    hanging_redis.answer_again()
    assert hanging_redis.client.dbsize() > 0  # the old copy is still there
    response = client.get(page.url)
    assert response["X-Cache"] == "MISS"
    assert "Insurance we accept" in response.content.decode()


def test_a_setting_saved_while_redis_hangs_shows_in_every_fragment_once_it_answers_again(
    client, home_page, hanging_redis, django_capture_on_commit_callbacks
):
    """The site-wide fragments a worker keeps (footer, header) follow the same record: a
    page-cache miss (staff, search, ?page=2) after the outage shows the new phone number."""
    assert "(312) 555-0100" in client.get("/search/").content.decode()
    hanging_redis.pause()
    practice = PracticeSettings.objects.get()
    practice.phone = "(312) 555-0199"
    with django_capture_on_commit_callbacks(execute=True):
        practice.save()
    hanging_redis.answer_again()
    html = client.get("/search/").content.decode()
    assert "(312) 555-0199" in html and "(312) 555-0100" not in html
