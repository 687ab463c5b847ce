"""`/search/?q=`: Wagtail search over the site's public pages, with the page type on each result."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from wagtail.models import Page

RESULTS_PER_PAGE = 10
# Longer queries are cut: nobody types more, and a huge one must not cost the database.
MAX_QUERY_LENGTH = 200


def clean_query(raw: str) -> str:
    text = "".join(ch for ch in raw if ch.isprintable())
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


@never_cache
def search(request):
    query = clean_query(request.GET.get("q", ""))
    results = Page.objects.none()
    if query:
        pages = Page.objects.live().public().filter(depth__gt=2).specific()
        results = pages.search(query, operator="and")
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    results_with_types = [
        {"page": page, "type": page._meta.verbose_name} for page in page_obj.object_list
    ]
    response = render(
        request,
        "sitesearch/search.html",
        {"query": query, "page_obj": page_obj, "results": results_with_types},
    )
    # Results are per query and may echo what the visitor typed: keep them out of every cache.
    response["Cache-Control"] = "private, no-store"
    return response
