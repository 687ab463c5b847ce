"""Two kinds of change (website/invalidation.py): publishing an article drops the cached copies of
the pages that show it, and only those; a site-wide save (hours, settings) drops every copy."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Site

from blog.models import ArticlePage
from hours.models import HoursSettings
from tests.blog.factories import ArticlePageFactory, BlogIndexPageFactory, relate, tag
from website.invalidation import ContentVersion, PageDrop, current_state, drop_pages
from website.models import PracticeSettings

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db

ADDRESSES = {
    "home": "/",
    "blog": "/blog/",
    "blog page 2": "/blog/?page=2",
    "feed": "/blog/feed/",
    "tag list": "/blog/tags/back-pain/",
    "sitemap": "/sitemap.xml",
    "published": "/blog/lifting/",
    "same tag": "/blog/posture/",
    "links to it": "/blog/walking/",
    "other article": "/blog/sleep/",
    "other page": "/insurance/",
}


@pytest.fixture
def site(home_page):
    blog = BlogIndexPageFactory(parent=home_page)
    articles = {
        slug: ArticlePageFactory(parent=blog, slug=slug, title=slug.title())
        for slug in ("lifting", "posture", "walking", "sleep")
    }
    for _ in range(10):  # enough for a second page of the list
        ArticlePageFactory(parent=blog)
    tag(articles["lifting"], "back-pain")
    tag(articles["posture"], "back-pain")
    tag(articles["sleep"], "insomnia")
    relate(articles["walking"], articles["lifting"])
    articles["walking"].save()  # the reference index records the link
    StandardPageFactory(parent=home_page, slug="insurance", title="Insurance")
    return articles


def cache_states(client) -> dict[str, str]:
    return {name: client.get(path).get("X-Cache", "") for name, path in ADDRESSES.items()}


def cache_all(client) -> None:
    client.get("/")  # a first page view saves the settings' defaults (no change)
    for path in ADDRESSES.values():
        assert client.get(path).status_code == 200, path
    assert set(cache_states(client).values()) == {"HIT"}


def test_publishing_an_article_drops_only_the_pages_that_show_it(client, site):
    cache_all(client)
    site_token = ContentVersion.objects.get().site_token
    article = ArticlePage.objects.get(pk=site["lifting"].pk)
    article.title = "Lifting without back pain"
    article.save_revision().publish()

    assert ContentVersion.objects.get().site_token == site_token  # no site-wide change
    after = cache_states(client)
    assert after == {
        "home": "MISS",  # latest articles
        "blog": "MISS",
        "blog page 2": "MISS",
        "feed": "MISS",
        "tag list": "MISS",
        "sitemap": "MISS",  # no page serves it: any change drops it
        "published": "MISS",
        "same tag": "MISS",  # its related reading
        "links to it": "MISS",  # chose it as related reading
        "other article": "HIT",
        "other page": "HIT",
    }
    assert "Lifting without back pain" in client.get("/blog/?page=2").content.decode()
    assert "Lifting without back pain" in client.get("/blog/posture/").content.decode()
    assert "Lifting without back pain" in client.get("/blog/walking/").content.decode()


@pytest.mark.parametrize(
    "save",
    [
        pytest.param(lambda: HoursSettings.for_site(Site.objects.get()).save(), id="hours"),
        pytest.param(
            lambda: PracticeSettings.objects.get().save(update_fields=["phone"]), id="settings"
        ),
    ],
)
def test_a_site_wide_save_drops_every_page(client, site, save):
    cache_all(client)
    site_token = ContentVersion.objects.get().site_token
    save()
    assert ContentVersion.objects.get().site_token != site_token
    assert set(cache_states(client).values()) == {"MISS"}


def test_publishing_a_page_that_names_nothing_is_site_wide(client, site):
    """A standard page says nothing of what shows it (it may be in the navigation): every page
    goes, as before."""
    cache_all(client)
    page = StandardPageFactory._meta.model.objects.get(slug="insurance")
    page.title = "Insurance we accept"
    page.save_revision().publish()
    assert set(cache_states(client).values()) == {"MISS"}


def test_an_article_in_the_navigation_is_site_wide(client, site):
    cache_all(client)
    article = ArticlePage.objects.get(pk=site["sleep"].pk)
    article.show_in_menus = True
    article.save_revision().publish()
    assert cache_states(client)["other page"] == "MISS"


def test_a_change_made_by_another_process_shows_within_the_recheck_interval(client, site, settings):
    """The drop is in the database alone: another worker's publish reaches this one's cached
    copies through the rows, as its transaction leaves them."""
    settings.CONTENT_VERSION_RECHECK_SECONDS = 3600
    cache_all(client)
    ArticlePage.objects.filter(pk=site["sleep"].pk).update(title="Sleeping well")
    drop_pages([site["sleep"].pk])
    assert client.get("/blog/sleep/")["X-Cache"] == "MISS"
    assert "Sleeping well" in client.get("/blog/sleep/").content.decode()
    assert client.get("/insurance/")["X-Cache"] == "HIT"


def test_drops_older_than_any_cached_copy_are_deleted(site, settings):
    old = timezone.now() - timedelta(seconds=settings.PAGE_CACHE_SECONDS + 120)
    PageDrop.objects.create(page_id=site["sleep"].pk, token=1, dropped_at=old)
    drop_pages([site["walking"].pk])
    assert set(PageDrop.objects.values_list("page_id", flat=True)) == {site["walking"].pk}
    assert current_state().page_token(site["sleep"].pk) == 0
    assert current_state().page_token(site["walking"].pk) != 0
