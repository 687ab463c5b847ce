"""The pages every page links to (the holiday hours page, the locations page, the notices),
read together: one query per request while nothing is kept (website/site_memo.py), instead of
one each.

An app names a page type through a Wagtail hook named SITE_PAGES_HOOK in its wagtail_hooks.py:
a function of no arguments returning (page model, scope). Scope "site": the type's live, public
pages below the site's root page in the request's language (in_site_language); "locale": its
live, public pages in the request's language, wherever they are (the footer's notices).
`site_pages(request, model)` gives that type's pages in page-tree order, as plain `Page`s (their
title and URL are what is linked; not their own type).
"""

from django.contrib.contenttypes.models import ContentType
from wagtail import hooks
from wagtail.models import Page, Site

from .page_serving import active_locale_id, in_site_language, public
from .site_memo import remember

SITE_PAGES_HOOK = "practice_site_pages"
SCOPES = ("site", "locale")


def site_pages(request, model) -> list[Page]:
    by_type = remember(
        request,
        "site-pages",
        lambda: _read(request),
        survives_page_changes=True,  # each type is shown on every page: a site-wide change
    )
    return by_type.get(ContentType.objects.get_for_model(model).pk, [])


def first_site_page(request, model) -> Page | None:
    pages = site_pages(request, model)
    return pages[0] if pages else None


def _read(request) -> dict[int, list[Page]]:
    wanted = {scope: [] for scope in SCOPES}
    for named in hooks.get_hooks(SITE_PAGES_HOOK):
        model, scope = named()
        wanted[scope].append(ContentType.objects.get_for_model(model).pk)
    site = Site.find_for_request(request)
    queries = []
    if wanted["site"] and site is not None:
        queries.append(in_site_language(Page.objects.filter(content_type__in=wanted["site"]), site))
    if wanted["locale"]:
        locale = Page.objects.filter(
            content_type__in=wanted["locale"], locale_id=active_locale_id()
        )
        queries.append(locale)
    if not queries:
        return {}
    rows = queries[0] if len(queries) == 1 else queries[0] | queries[1]
    by_type: dict[int, list[Page]] = {}
    for page in public(rows.live()).order_by("path"):
        by_type.setdefault(page.content_type_id, []).append(page)
    return by_type
