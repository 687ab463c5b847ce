"""The blog index: newest first, ten to a page, forgiving page numbers, no N+1 queries."""

from datetime import date, timedelta

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.models import ARTICLES_PER_PAGE
from tests.physicians.factories import PhysicianIndexPageFactory, PhysicianPageFactory
from website import page_fragments

from .factories import ArticlePageFactory, BlogIndexPageFactory, tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def blog(home_page):
    return BlogIndexPageFactory(parent=home_page)


def make_articles(blog, count, images=()):
    start = date(2024, 1, 1)
    return [
        ArticlePageFactory(
            parent=blog,
            title=f"Article number {n:02d}",
            date=start + timedelta(days=n),
            hero_image=images[n % len(images)] if images else None,
            hero_image_alt="A runner" if images else "",
        )
        for n in range(count)
    ]


def titles(response) -> list[str]:
    return [a.title for a in response.context["articles"]]


def test_newest_first_ten_to_a_page(client, blog):
    make_articles(blog, 12)
    ArticlePageFactory(parent=blog, title="A draft", date=date(2030, 1, 1), live=False)
    first = client.get("/blog/")
    assert titles(first) == [f"Article number {n:02d}" for n in range(11, 1, -1)]
    assert len(titles(first)) == ARTICLES_PER_PAGE
    assert 'href="?page=2" rel="next">Older articles' in first.content.decode()
    assert titles(client.get("/blog/?page=2")) == ["Article number 01", "Article number 00"]
    assert "A draft" not in first.content.decode()


@pytest.mark.parametrize(
    ("query", "expected_page"),
    [("?page=abc", 1), ("?page=", 1), ("?page=1.5", 1), ("?page=99", 3), ("?page=0", 3),
     ("?page=-4", 3), ("?page=99999999999999999999", 3), ("?page=2", 2)],
)  # fmt: skip
def test_bad_or_out_of_range_page_numbers_give_the_first_or_last_page(
    client, blog, query, expected_page
):
    make_articles(blog, 25)
    response = client.get(f"/blog/{query}")
    assert response.status_code == 200
    assert response.context["articles"].number == expected_page


def test_tag_pages_paginate_the_same_way(client, blog):
    for article in make_articles(blog, 11):
        tag(article, "running")
    response = client.get("/blog/tags/running/?page=7")
    assert response.status_code == 200
    assert titles(response) == ["Article number 00"]


def count_queries(client, url) -> int:
    client.get(url)  # the first request makes the image renditions; count the next one
    page_fragments.forget_all()  # counted as built, not as a worker that kept its parts
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# Built each time (not a page-cache hit), and without the content version's once-a-second
# recheck, a query that comes and goes with the machine's speed.
@pytest.mark.usefixtures("page_cache_off", "content_version_held")
def test_index_query_count_does_not_grow_with_the_number_of_articles(client, home_page, blog):
    """Every card has a picture, an author page and tags: none of them costs a query per card."""
    physicians = PhysicianIndexPageFactory(parent=home_page)
    authors = [PhysicianPageFactory(parent=physicians) for _ in range(3)]
    images = [wagtail_factories.ImageFactory() for _ in range(3)]

    def add_articles(count, first_day):
        for n in range(count):
            tag(
                ArticlePageFactory(
                    parent=blog,
                    date=first_day + timedelta(days=n),
                    author=authors[n % 3],
                    staff_author="",
                    hero_image=images[n % 3],
                    hero_image_alt="A runner",
                ),
                "running",
                "back pain",
            )

    add_articles(5, date(2024, 1, 1))
    with_five = count_queries(client, "/blog/")
    add_articles(45, date(2025, 1, 1))
    with_fifty = count_queries(client, "/blog/")
    assert with_fifty == with_five


@pytest.mark.usefixtures("page_cache_off", "content_version_held")
def test_a_kept_first_page_does_not_count_the_articles(client, blog):
    """While a worker keeps the list's content, a view of the first page reads no article:
    counting every article for the page links would grow with the blog (2,000 at volume)."""
    make_articles(blog, ARTICLES_PER_PAGE + 1)
    built = client.get("/blog/")
    assert "Article number 10" in built.content.decode() and 'rel="next"' in built.content.decode()
    with CaptureQueriesContext(connection) as captured:
        kept = client.get("/blog/")
    assert kept.content == built.content
    assert not [q["sql"] for q in captured if "blog_articlepage" in q["sql"]]


def test_an_empty_blog_says_so_without_page_links(client, blog):
    """The first page is served without a count (paginate): with no article it still says so,
    and offers no page of older articles."""
    html = client.get("/blog/").content.decode()
    assert "No articles here yet." in html
    assert 'rel="next"' not in html
