"""Page figures measured in-process: SQL queries per request, HTML bytes and gzip bytes."""

import gzip

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

# Which page of the demo site stands for each row of the table, found by its type.
PAGE_TYPES = {
    "home": "website.HomePage",
    "article": "blog.ArticlePage",
    "blog_index": "blog.BlogIndexPage",
    "handout": "handouts.HandoutPage",
    "hours": "hours.HolidayHoursPage",
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
        page = Page.objects.live().type(model).order_by("path").first()
        paths[key] = page.url if page else None
    paths["search"] = SEARCH_PATH
    return paths


def measure(path: str) -> dict:
    client = Client(HTTP_HOST="127.0.0.1")
    client.get(path)  # warm: first-request work (template loading) is not the page's cost
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    html = response.content
    return {
        "status": response.status_code,
        "queries": len(queries),
        "html_bytes": len(html),
        "gzip_bytes": len(gzip.compress(html)),
    }
