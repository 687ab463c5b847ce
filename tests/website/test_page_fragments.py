"""A page's own parts (content, SEO tags, JSON-LD) kept by the worker per content version
(website/page_fragments.py): cheaper page-cache misses, and never stale, never someone else's.
The full-page cache is off here, as for a visitor with a session cookie, so each response is
built and shows what the worker kept."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.appointments.factories import AppointmentRequestPageFactory
from tests.blog.factories import ArticlePageFactory, BlogIndexPageFactory, relate
from website import page_fragments

from .factories import StandardPageFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("page_cache_off", "content_version_held"),
]


@pytest.fixture
def blog(home_page):
    return BlogIndexPageFactory(parent=home_page)


def view(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), len(captured)


def test_a_kept_article_is_the_same_html_for_fewer_queries(client, blog):
    article = ArticlePageFactory(parent=blog, body=[("paragraph", "<p>Ice, then heat.</p>")])
    relate(article, ArticlePageFactory(parent=blog, title="Stretching at your desk"))
    view(client, article.url)  # per-process caches warmed
    page_fragments.forget_all()
    built, built_queries = view(client, article.url)
    kept, kept_queries = view(client, article.url)
    assert kept == built
    assert "Ice, then heat." in kept and "Stretching at your desk" in kept
    assert kept_queries < built_queries


def test_publishing_the_page_shows_at_once(client, blog):
    article = ArticlePageFactory(parent=blog, body=[("paragraph", "<p>Ice, then heat.</p>")])
    view(client, article.url)
    article.body = [("paragraph", "<p>Heat, then ice.</p>")]
    article.save_revision().publish()
    html, _ = view(client, article.url)
    assert "Heat, then ice." in html and "Ice, then heat." not in html


def test_a_linked_page_renamed_shows_at_once(client, blog):
    article = ArticlePageFactory(parent=blog)
    related = ArticlePageFactory(parent=blog, title="Stretching at your desk")
    relate(article, related)
    assert "Stretching at your desk" in view(client, article.url)[0]
    related.title = "Stretching at work"
    related.save_revision().publish()
    html, _ = view(client, article.url)
    assert "Stretching at work" in html and "Stretching at your desk" not in html


def test_a_preview_neither_uses_nor_leaves_kept_parts(client, blog, admin_user, rf):
    article = ArticlePageFactory(parent=blog, body=[("paragraph", "<p>Published advice.</p>")])
    view(client, article.url)  # kept
    article.body = [("paragraph", "<p>Draft advice.</p>")]
    article.save_revision()  # a draft, not published
    original = rf.get(f"/admin/pages/{article.pk}/edit/preview/")
    original.user = admin_user
    preview = article.make_preview_request(original, article.default_preview_mode)
    assert "Draft advice." in preview.content.decode()
    html, _ = view(client, article.url)
    assert "Published advice." in html and "Draft advice." not in html


def test_the_form_page_keeps_nothing_of_its_csrf_token(client, home_page):
    form_page = AppointmentRequestPageFactory(parent=home_page)
    tokens = []
    for _ in range(2):
        client.cookies.clear()  # a new visitor each time
        response = client.get(form_page.url)
        assert "csrftoken" in response.cookies
        html = response.content.decode()
        tokens += re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert len(tokens) == 2
    assert tokens[0] != tokens[1]  # each response's own, not a kept copy


def test_a_query_string_is_built_each_time(client, blog):
    for n in range(12):
        ArticlePageFactory(parent=blog, title=f"Article number {n}")
    view(client, blog.url + "?page=2")
    _, second = view(client, blog.url + "?page=2")
    page_fragments.forget_all()
    _, built = view(client, blog.url + "?page=2")
    assert second == built


def test_only_the_pages_used_last_are_kept(client, blog, settings):
    settings.PAGE_FRAGMENTS_KEPT = 1
    first, second = ArticlePageFactory(parent=blog), ArticlePageFactory(parent=blog)
    relate(first, second)  # its related reading costs queries to build
    view(client, first.url)
    _, kept = view(client, first.url)
    view(client, second.url)  # pushes the first page's parts out
    _, rebuilt = view(client, first.url)
    assert rebuilt > kept


def test_zero_turns_it_off(client, home_page, settings):
    settings.PAGE_FRAGMENTS_KEPT = 0
    page = StandardPageFactory(parent=home_page, title="Insurance")
    view(client, page.url)
    _, second = view(client, page.url)
    _, third = view(client, page.url)
    assert second == third > 0
    assert not page_fragments._fragments


def test_publishing_another_page_keeps_this_ones_parts(client, blog):
    """A page change drops the parts of the pages that show it, as it drops their cached
    copies; a page that does not show it keeps its parts (its related reading is not read)."""
    article = ArticlePageFactory(parent=blog)
    relate(article, ArticlePageFactory(parent=blog, title="Stretching at your desk"))
    other = ArticlePageFactory(parent=blog, title="Sleeping with sciatica")
    assert related_reading_read(client, article.url)
    assert not related_reading_read(client, article.url)  # kept
    other.title = "Sleeping well with sciatica"
    other.save_revision().publish()  # an article's publish is a page change (its dependents)
    assert not related_reading_read(client, article.url)
    article.save_revision().publish()  # its own change drops its parts
    assert related_reading_read(client, article.url)


def related_reading_read(client, url) -> bool:
    with CaptureQueriesContext(connection) as captured:
        html = client.get(url).content.decode()
    assert "Stretching at your desk" in html
    return any("blog_articlerelatedpage" in query["sql"] for query in captured)
