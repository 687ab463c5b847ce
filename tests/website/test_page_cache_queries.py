"""The page cache keeps a page with a query string only when the view vouched for its values
(?page=2 of 2, a condition that exists): junk values are served but never fill the cache."""

import pytest
from django.core.cache import caches
from django.test import override_settings

from tests.blog.factories import ArticlePageFactory, BlogIndexPageFactory
from tests.handouts.factories import ConditionFactory, HandoutIndexPageFactory, HandoutPageFactory

pytestmark = pytest.mark.django_db  # the page cache is on in tests, as in production

JUNK_PAGES = ["abc", "0", "-1", "3", "99999", "02", "2 ", "2.0", "", "1e3", "²"]
JUNK_CONDITIONS = ["no-such-thing", "SCIATICA", " sciatica", "sciatica/", "", "x" * 300, "é"]


@pytest.fixture
def site(home_page, settings, tmp_path):
    """A blog of two pages (12 articles, 10 a page) and handouts for one condition."""
    settings.MEDIA_ROOT = tmp_path / "media"
    blog = BlogIndexPageFactory(parent=home_page)
    for _ in range(12):
        ArticlePageFactory(parent=blog)
    handouts = HandoutIndexPageFactory(parent=home_page)
    HandoutPageFactory(parent=handouts, conditions=[ConditionFactory(name="Sciatica")])


def test_real_page_numbers_and_conditions_are_cached(client, site):
    for url in ["/blog/?page=2", "/blog/?page=1", "/handouts/?condition=sciatica"]:
        first = client.get(url)
        assert first.status_code == 200
        assert first["X-Cache"] == "MISS", url
        assert client.get(url)["X-Cache"] == "HIT", url


@pytest.mark.parametrize(
    "url",
    [
        *(f"/blog/?page={value}" for value in JUNK_PAGES),
        "/blog/?page=2&page=2",
        "/?page=2",  # a page that has no pages
        "/handouts/?page=2",
        *(f"/handouts/?condition={value}" for value in JUNK_CONDITIONS),
        "/handouts/?condition=sciatica&condition=sciatica",
        "/handouts/?condition=sciatica&page=2",
    ],
)
def test_junk_values_are_served_but_never_cached(client, site, url):
    assert client.get(url).status_code == 200
    again = client.get(url)
    assert again.status_code == 200
    assert "X-Cache" not in again, f"{url} was cached"


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}})
def test_many_junk_values_do_not_grow_the_cache(client, site):
    cache = caches["default"]
    cache.clear()
    client.get("/blog/")
    client.get("/handouts/")
    entries = len(cache._cache)  # LocMemCache's own store: one item per key
    for n in range(40):
        client.get(f"/blog/?page={n + 3}")
        client.get(f"/handouts/?condition=condition-{n}")
    assert len(cache._cache) == entries
    client.get("/blog/?page=2")
    assert len(cache._cache) == entries + 1
