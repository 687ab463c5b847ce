"""What each change asks the CDN to purge (website/frontend_cache.py): decided in the change's
transaction, queued once when it commits, never when it rolls back. Sending it for real to a
real Varnish is tests/deploy/test_varnish.py."""

import pytest
from django.db import transaction
from wagtail.models import Site

from blog.models import ArticlePage
from hours.models import HoursSettings
from tests.blog.factories import ArticlePageFactory, BlogIndexPageFactory
from website.frontend_cache import _Purge, page_urls

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def purging(settings):
    """A CDN from here on (ask for it after the pages: the test's transaction never commits, so
    one purge would gather everything since the first change)."""
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:6081",
        }
    }


@pytest.fixture
def article(home_page):
    blog = BlogIndexPageFactory(parent=home_page)
    return ArticlePageFactory(parent=blog, slug="lifting", title="Lifting")


def purges(callbacks) -> list[_Purge]:
    return [callback for callback in callbacks if isinstance(callback, _Purge)]


def test_a_publish_queues_one_purge_of_the_pages_that_show_it(
    article, home_page, purging, django_capture_on_commit_callbacks
):
    page = ArticlePage.objects.get(pk=article.pk)
    with django_capture_on_commit_callbacks() as callbacks:
        page.title = "Lifting without back pain"
        page.save_revision().publish()
    [purge] = purges(callbacks)
    assert not purge.everything
    assert {article.pk, article.get_parent().pk, home_page.pk} <= purge.page_ids


def test_a_site_wide_save_queues_a_purge_of_everything(
    article, purging, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        HoursSettings.for_site(Site.objects.get()).save()
    [purge] = purges(callbacks)
    assert purge.everything


def test_unpublishing_purges_everything_and_the_page_itself(
    article, purging, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        ArticlePage.objects.get(pk=article.pk).unpublish()
    [purge] = purges(callbacks)
    assert purge.everything
    assert "http://localhost/blog/lifting/" in purge.urls


def test_a_rolled_back_change_queues_nothing(article, purging, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        ArticlePage.objects.get(pk=article.pk).save_revision().publish()
        raise RuntimeError("the editor's save fails halfway")
    assert purges(callbacks) == []


def test_nothing_is_queued_without_a_cdn(article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        ArticlePage.objects.get(pk=article.pk).save_revision().publish()
    assert purges(callbacks) == []


def test_the_blog_purges_its_feed_and_tag_lists(article):
    article.tags.add("back-pain")
    article.save()
    urls = page_urls(article.get_parent().specific)
    assert urls == [
        "http://localhost/blog/",
        "http://localhost/blog/feed/",
        "http://localhost/blog/tags/back-pain/",
    ]


@pytest.fixture
def two_pages(home_page):
    return (
        StandardPageFactory(parent=home_page, slug="insurance", title="Insurance"),
        StandardPageFactory(parent=home_page, slug="patients", title="Patients"),
    )


def test_moving_a_page_purges_everything_and_its_old_address(
    two_pages, purging, django_capture_on_commit_callbacks
):
    moved, patients = two_pages
    with django_capture_on_commit_callbacks() as callbacks:
        moved.move(patients, pos="last-child")
    [purge] = purges(callbacks)
    assert purge.everything
    assert {"http://localhost/insurance/", "http://localhost/patients/insurance/"} <= purge.urls
