"""Serving pages with fewer queries (website/page_serving.py) and still Wagtail's behaviour:
the same pages found, the same 404s, restrictions applied, with or without the worker's memory."""

import pytest
from wagtail.models import PageViewRestriction

from tests.blog.factories import ArticlePageFactory, BlogIndexPageFactory, tag

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["memo on", "memo off"])
def memo(request, page_cache_off, settings):
    """Every page is built (no page cache), twice: with the worker's memory, as in production,
    and without it, as in development."""
    if request.param == "memo off":
        settings.SITE_MEMO_SECONDS = 0
    return request.param


def test_pages_subroutes_and_missing_pages_route_as_in_wagtail(client, home_page, memo):
    blog = BlogIndexPageFactory(parent=home_page)
    article = tag(ArticlePageFactory(parent=blog, title="Running", slug="running"), "knees")
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    StandardPageFactory(parent=about, title="Team", slug="team")
    draft = StandardPageFactory(parent=home_page, title="Draft", slug="draft", live=False)
    for url, status, text in [
        ("/about/team/", 200, "Team"),
        ("/blog/running/", 200, "Running"),
        ("/blog/tags/knees/", 200, "Running"),  # the blog's own route still comes first
        ("/blog/feed/", 200, "Running"),
        ("/blog/walking/", 404, ""),
        ("/nowhere/", 404, ""),
        (draft.url or "/draft/", 404, ""),
    ]:
        for _ in range(2):  # the second time from the worker's memory, when it keeps one
            response = client.get(url)
            assert response.status_code == status, url
            assert text in response.content.decode()
    assert article.url == "/blog/running/"


def test_a_page_of_a_type_no_longer_allowed_under_its_parent_is_still_served(
    client, home_page, memo
):
    blog = BlogIndexPageFactory(parent=home_page)
    # Blogs hold articles; a standard page put there (by code, before the rule) is still a page.
    stray = StandardPageFactory.build(title="Old notice", slug="old-notice")
    blog.add_child(instance=stray)
    response = client.get("/blog/old-notice/")
    assert response.status_code == 200
    assert "Old notice" in response.content.decode()


def test_a_published_slug_change_moves_the_page_at_once(
    client, home_page, memo, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home_page, title="Insurance", slug="insurance")
    assert client.get("/insurance/").status_code == 200
    page.slug = "insurance-we-accept"
    # Wagtail creates the redirect from the old address once the publish has committed.
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert client.get("/insurance-we-accept/").status_code == 200
    old_address = client.get("/insurance/")  # Wagtail's redirects app keeps old links working
    assert old_address.status_code == 301
    assert old_address["Location"].endswith("/insurance-we-accept/")


def test_restricted_pages_stay_out_of_related_reading(client, home_page, memo):
    blog = BlogIndexPageFactory(parent=home_page)
    article = tag(ArticlePageFactory(parent=blog, title="Running"), "knees")
    secret = tag(ArticlePageFactory(parent=blog, title="Staff notes"), "knees")
    assert "Staff notes" in client.get(article.url).content.decode()
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    assert "Staff notes" not in client.get(article.url).content.decode()
    assert client.get(secret.url).status_code == 302  # to the sign-in page


def test_an_empty_optional_link_asks_the_database_nothing(home_page):
    """Wagtail builds an IN query for a StreamField's page links even when all are empty."""
    from unittest import mock

    from wagtail.models import Page

    from website.blocks import OptionalPageBlock

    block = OptionalPageBlock(required=False)
    with mock.patch.object(Page.objects, "in_bulk", wraps=Page.objects.in_bulk) as in_bulk:
        assert block.bulk_to_python([None, None]) == [None, None]
        assert not in_bulk.called
        first, second = block.bulk_to_python([None, home_page.pk])
        assert first is None and second.pk == home_page.pk
        assert in_bulk.called


def test_a_call_to_action_links_its_page_or_else_the_appointment_page(client, home_page, memo):
    blog = BlogIndexPageFactory(parent=home_page)
    contact = StandardPageFactory(parent=home_page, title="Contact", slug="contact")
    cta = {"heading": "Talk to us", "text": "", "button_label": "Contact us", "page": None}
    linked = ArticlePageFactory(parent=blog, body=[("call_to_action", {**cta, "page": contact})])
    unlinked = ArticlePageFactory(parent=blog, body=[("call_to_action", cta)])
    assert 'href="/contact/">Contact us</a>' in client.get(linked.url).content.decode()
    assert 'href="/contact/">Contact us</a>' not in client.get(unlinked.url).content.decode()
