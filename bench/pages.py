"""Page figures measured in-process: SQL queries per request, HTML bytes and gzip bytes."""

import gzip

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

# Which page of the demo site stands for each row of the table, found by its type.
# A key ending in "_es" stands for the page type's first Spanish page.
PAGE_TYPES = {
    "home": "website.HomePage",
    "article": "blog.ArticlePage",
    "blog_index": "blog.BlogIndexPage",
    "handout": "handouts.HandoutPage",
    "condition": "conditions.ConditionPage",
    "treatment": "conditions.TreatmentPage",
    "hours": "hours.HolidayHoursPage",
    "locations": "locations.LocationIndexPage",
    "location": "locations.LocationPage",
    "article_es": "blog.ArticlePage",
    "handout_es": "handouts.HandoutPage",
}
SEARCH_PATH = "/search/?q=back+pain"


def page_paths() -> dict[str, str | None]:
    from django.apps import apps
    from wagtail.models import Page

    paths = {}
    for key, label in PAGE_TYPES.items():
        try:
            model = apps.get_model(label)
        except LookupError:
            paths[key] = None  # that app does not exist yet
            continue
        language = "es" if key.endswith("_es") else "en"
        pages = Page.objects.live().type(model).filter(locale__language_code=language)
        page = pages.order_by("path").first()
        paths[key] = page.url if page else None
    paths["search"] = SEARCH_PATH
    return paths


def measure(path: str) -> dict:
    """Queries with the site-wide fragments kept (as served uncached), without (cold: the view
    after a site-wide change, its fragments read from the cache the workers share, where the
    warm-up built them; cold_unshared: built too) and on the first view after publishing the page
    itself."""
    from django.test import override_settings

    client = Client(HTTP_HOST="127.0.0.1")
    with override_settings(SITE_MEMO_SECONDS=0, SITE_PARTS_SHARED_SECONDS=0):
        unshared_queries, _ = _queries(client, path)
    with override_settings(SITE_MEMO_SECONDS=0):
        cold_queries, _ = _queries(client, path)
    warm_queries, response = _queries(client, path)
    html = response.content
    # The page that served it (website/page_cache.served_by); none for search.
    page_id = getattr(response.wsgi_request, "_page_cache_page_id", None)
    return {
        "status": response.status_code,
        "queries": warm_queries,
        "queries_cold": cold_queries,
        "queries_cold_unshared": unshared_queries,
        "queries_after_publish": _after_publish(client, path, page_id) if page_id else None,
        "html_bytes": len(html),
        "gzip_bytes": len(gzip.compress(html)),
    }


def _after_publish(client: Client, path: str, page_id: int) -> int:
    """Queries of the first view after this page is published, through the site's own
    invalidation (what Wagtail's publish runs: website/invalidation._on_page_saved). An article is
    a page change, which keeps the site-wide fragments; any other page type is site-wide."""
    from django.db import transaction
    from wagtail.models import Page

    from website.invalidation import page_changed

    client.get(path)  # what a worker keeps between views is kept
    with transaction.atomic():
        page_changed(Page.objects.get(pk=page_id).specific)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


def _queries(client: Client, path: str):
    from website import page_fragments

    client.get(path)  # warm: first-request work (template loading, kept fragments) is not counted
    page_fragments.forget_all()  # the page itself is counted as built, not as a worker kept it
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return len(queries), response
