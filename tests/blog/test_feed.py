"""/blog/feed/: valid RSS 2.0 listing the newest live articles."""

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.feeds import FEED_LENGTH
from website import page_fragments

from .factories import ArticlePageFactory, BlogIndexPageFactory, tag

pytestmark = pytest.mark.django_db


def test_feed_is_rss_with_the_newest_articles_first(client, home_page):
    blog = BlogIndexPageFactory(parent=home_page)
    articles = [
        ArticlePageFactory(
            parent=blog, title=f"Post {n:02d}", date=date(2025, 1, 1) + timedelta(days=n)
        )
        for n in range(FEED_LENGTH + 5)
    ]
    ArticlePageFactory(parent=blog, title="Unpublished", date=date(2030, 1, 1), live=False)

    response = client.get("/blog/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    # Our own response, not untrusted input. Raises if the XML is not well formed.
    rss = ET.fromstring(response.content)  # noqa: S314
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("title") == "Blog | Test Spine Clinic"
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == [
        f"Post {n:02d}" for n in range(FEED_LENGTH + 4, 4, -1)
    ]
    newest = items[0]
    assert newest.findtext("link") == f"http://testserver{articles[-1].url}"
    assert newest.findtext("pubDate").startswith("Sat, 25 Jan 2025")
    assert newest.findtext("description") == "What this article is about."


def test_index_and_articles_point_feed_readers_at_the_feed(client, home_page):
    blog = BlogIndexPageFactory(parent=home_page)
    article = ArticlePageFactory(parent=blog)
    link = '<link rel="alternate" type="application/rss+xml" title="Blog" href="/blog/feed/">'
    assert link in client.get("/blog/").content.decode()
    assert link in client.get(article.url).content.decode()


# Built each time (not a page-cache hit), and without the content version's once-a-second
# recheck, a query that comes and goes with the machine's speed.
@pytest.mark.usefixtures("page_cache_off", "content_version_held")
def test_feed_query_count_does_not_grow_with_the_number_of_articles(client, home_page):
    blog = BlogIndexPageFactory(parent=home_page)

    def queries_for_feed() -> int:
        client.get("/blog/feed/")  # fills the cache of site root paths; count the next one
        page_fragments.forget_all()  # counted as built, not as a worker that kept its parts
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/blog/feed/").status_code == 200
        return len(queries)

    for _ in range(3):
        tag(ArticlePageFactory(parent=blog), "running", "back pain")
    with_three = queries_for_feed()
    for _ in range(FEED_LENGTH):
        tag(ArticlePageFactory(parent=blog), "running")
    assert queries_for_feed() == with_three
