"""`/search/?q=`: Wagtail search over the site's public pages, with the page type on each result."""

import re
from functools import cache
from html import unescape

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.html import strip_tags
from django.utils.translation import gettext, gettext_noop
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from website.page_fragments import keep_nothing, keep_view_parts
from website.page_serving import active_locale_id, public
from website.site_memo import recall, remember

RESULTS_PER_PAGE = 10
# The page types that name themselves from their class (no verbose_name of their own), so that
# makemessages finds them: a result is labelled in the page's language.
UNNAMED_PAGE_TYPES = (gettext_noop("standard page"), gettext_noop("physician index page"))
# Longer queries are cut: nobody types more, and a huge one must not cost the database.
MAX_QUERY_LENGTH = 200


def teaser(page) -> str:
    """The words under a result's title, as plain text: some pages' intros are rich text, and
    their markup would otherwise show as `<p>…</p>`."""
    for field in ("search_description", "intro", "summary"):
        if text := getattr(page, field, ""):
            return " ".join(unescape(strip_tags(str(text))).split())
    return ""


def matches(parts: list[tuple[str, list[str]]], query: str) -> list[tuple[str, list[str]]]:
    """Why a page matched, when its title and teaser may not show it: the parts a page type
    lists (`search_parts`, e.g. a handout's exercises) with a word starting with one of the
    query's ("knee" finds a handout through "Knee-to-Chest")."""
    words = tuple(query.lower().split())
    found = []
    for label, names in parts:
        hits = [n for n in names if any(w.startswith(words) for w in re.findall(r"\w+", n.lower()))]
        if hits:
            found.append((label, hits))
    return found


def result_facts(request, pages: list[Page]) -> dict[int, tuple]:
    """Each result page's type, teaser and searchable parts, which need its own type's fields
    (a query per page type). Kept per worker like the site's navigation (website/site_memo.py:
    until the next publish), so a search costs the same queries whatever types it finds."""
    facts, missing = {}, []
    for page in pages:
        kept = recall(request, f"search-result:{page.pk}")
        if kept is None:
            missing.append(page.pk)
        else:
            facts[page.pk] = kept
    for page in Page.objects.filter(pk__in=missing).specific():
        found = (page._meta.verbose_name, teaser(page), getattr(page, "search_parts", list)())
        facts[page.pk] = remember(request, f"search-result:{page.pk}", lambda found=found: found)
    return facts


def clean_query(raw: str) -> str:
    """Words only: letters and digits in any script, hyphens and apostrophes. Quotes, stars and
    brackets mean something to the full-text engines (and break SQLite's); patients never
    need them."""
    text = "".join(ch if ch.isalnum() or ch in "-'" else " " for ch in raw[: MAX_QUERY_LENGTH * 4])
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def requested_page(raw: str | None) -> int | None:
    """The page number asked for, or None when it is not written as one ("x", "02", "-1"):
    such a request is still served (the paginator's choice), never kept."""
    if not raw:
        return 1
    if raw.isascii() and raw.isdigit() and raw[0] != "0" and len(raw) <= 6:
        return int(raw)
    return None


def found_page(results, raw_page: str | None) -> PaginatorPage:
    """The page of results asked for. A first page that is not full holds every result, so
    it is read without counting them first (most searches: one query instead of two)."""
    paginator = Paginator(results, RESULTS_PER_PAGE)
    if requested_page(raw_page) == 1:
        first = list(results[:RESULTS_PER_PAGE])
        if len(first) < RESULTS_PER_PAGE:
            paginator.count = len(first)  # a cached_property: the paginator asks no more
            return PaginatorPage(first, 1, paginator)
    return paginator.get_page(raw_page)


@never_cache  # results echo what the visitor typed: no cache, shared or private, may keep them
def search(request):
    query = clean_query(request.GET.get("q", ""))
    raw_page = request.GET.get("page")
    number = requested_page(raw_page)
    if number is not None:
        # The results shown depend on the cleaned words and the page number only: kept under
        # them (website/page_fragments.py) until the next change, so a search made again (a
        # popular one) is served without reading or rendering its results.
        keep_view_parts(request, (query, number))

    @cache
    def found() -> tuple[PaginatorPage, list[dict]]:
        """Read when the template first asks (not at all when the results are kept)."""
        results = Page.objects.none()
        if query:
            pages = public(Page.objects.live()).filter(depth__gt=2, locale=active_locale_id())
            results = pages.search(query, operator="and")
        page_obj = found_page(results, raw_page)
        if page_obj.number != number:
            keep_nothing(request)  # out of range: the last page shown, never kept as this one
        shown = list(page_obj.object_list)
        facts = result_facts(request, shown)
        return page_obj, [
            {
                "page": page,
                "type": gettext(str(facts[page.pk][0])),
                "teaser": facts[page.pk][1],
                "matches": matches(facts[page.pk][2], query),
            }
            for page in shown
        ]

    # The template calls these (the title shows the words only).
    context = {"query": query, "page_obj": lambda: found()[0], "results": lambda: found()[1]}
    return render(request, "sitesearch/search.html", context)
