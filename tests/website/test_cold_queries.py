"""The first view after a publish ("cold", issue 20), on the demo site with the page cache off.

Two kinds of publish (website/invalidation.py): publishing an article is a page change, and the
site-wide fragments every page shows (navigation, footer, banner, the practice's settings, the
offices and their hours, the clinic's JSON-LD) are kept across it (website/site_memo.py's two
tiers); any other change is site-wide and rebuilds them, once for every worker of every node:
the first worker to need them builds them and keeps them in the shared cache too, where the
others read them (website/shared_parts.py). The bench's cold run (`SITE_MEMO_SECONDS=0`) keeps
nothing in the worker and reads them there at every request: a worker's view after a site-wide
change that another one built. Its cold_unshared run (`SITE_PARTS_SHARED_SECONDS=0` too) builds
them at every request: what the one worker that builds them pays.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.models import ArticlePage
from website import page_fragments
from website.models import PracticeSettings

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("page_cache_off", "content_version_held"),
]

ARTICLE = "running-with-back-pain"
# Every site-wide fragment built once, with no memo and nothing shared (measured on the demo: 18
# and 20; 27 and 29 before the clinic node shared the footer's offices and the banner the footer's
# holiday page, 24 and 26 before the closures came in one query, the footer's office from the
# schedules and the pages every page links to, the navigation's too, in one query:
# website/site_pages.py).
COLD_UNSHARED_QUERIES = {"article": 18, "home": 20}
# The same view with the site-wide fragments read from the shared cache, where an earlier view
# built them for this site token: routing, the page and its own parts (8 and 10; 18 and 20 before
# the fragments were shared, the figures above).
COLD_QUERIES = {"article": 8, "home": 10}
# After an article is published, beyond a warm view: the blog on the article's path (two) and the
# article's translation for the language links; nothing site-wide. (A worker other than the
# publisher's also reads the content version again: one more.)
AFTER_ARTICLE_PUBLISH_EXTRA = 3
# The home page lists the article, so its latest articles and their parents are read again (9).
HOME_AFTER_ARTICLE_PUBLISH = 9


def queries(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


def urls() -> dict[str, str]:
    return {"article": ArticlePage.objects.get(slug=ARTICLE).url, "home": "/"}


def test_a_cold_view_builds_each_site_wide_fragment_once(client, demo, settings):
    settings.SITE_MEMO_SECONDS = 0
    settings.SITE_PARTS_SHARED_SECONDS = 0
    for key, url in urls().items():
        client.get(url)  # compiled templates and Wagtail's per-process caches are not cold
        count, _ = queries(client, url)
        assert count == COLD_UNSHARED_QUERIES[key], (key, count)


def test_a_cold_view_reads_the_site_wide_fragments_another_view_built(client, demo, settings):
    settings.SITE_MEMO_SECONDS = 0
    for key, url in urls().items():
        client.get(url)  # builds them for this site token, in the shared cache
        count, _ = queries(client, url)
        assert count == COLD_QUERIES[key], (key, count)


def test_publishing_an_article_keeps_what_every_page_shows(client, demo):
    article = ArticlePage.objects.get(slug=ARTICLE)
    for url in urls().values():
        client.get(url)
    page_fragments.forget_all()  # the article counted as built, as after the publish
    warm, _ = queries(client, article.url)
    article.title = "Running with back pain, revised"
    article.save_revision().publish()  # Wagtail's publish: a page change (drop_pages)
    count, html = queries(client, article.url)
    assert "Running with back pain, revised" in html
    assert count <= warm + AFTER_ARTICLE_PUBLISH_EXTRA, (warm, count)
    # The home page lists the article: it shows the new title, its site-wide parts still kept.
    home_count, home = queries(client, "/")
    assert "Running with back pain, revised" in home
    assert home_count <= HOME_AFTER_ARTICLE_PUBLISH, home_count


def test_a_site_wide_change_after_an_article_publish_still_shows(client, demo):
    article = ArticlePage.objects.get(slug=ARTICLE)
    client.get(article.url)
    article.save_revision().publish()
    client.get(article.url)  # the fragments kept under the site token, across the page change
    practice = PracticeSettings.objects.get()
    practice.phone = "(312) 555-0199"
    practice.save()  # site-wide: a new site token
    count, html = queries(client, article.url)
    assert "(312) 555-0199" in html
    assert count > COLD_UNSHARED_QUERIES["article"] // 2  # rebuilt, not read from before it
