"""The pages every page links to (the main navigation, the holiday hours page, the locations
page, the notices), read together: one query per request while nothing is kept
(website/site_memo.py), instead of one each.

The navigation (`menu_pages`): the live, public children of the site's root page in the
request's language that an editor ticked "Show in menus" on, in page-tree order.

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
    return _pages(request).get(ContentType.objects.get_for_model(model).pk, [])


def first_site_page(request, model) -> Page | None:
    pages = site_pages(request, model)
    return pages[0] if pages else None


def menu_pages(request) -> list[Page]:
    return _pages(request).get(MENU, [])


MENU = "menu"


def _pages(request) -> dict:
    return remember(
        request,
        "site-pages",
        lambda: _read(request),
        survives_page_changes=True,  # each is shown on every page: a change to it is site-wide
    )


def _read(request) -> dict:
    """{content type id: its pages, MENU: the navigation's}: each row where each clause that
    matched it puts it (the locations page may be in the menu too)."""
    wanted = {scope: [] for scope in SCOPES}
    for named in hooks.get_hooks(SITE_PAGES_HOOK):
        model, scope = named()
        wanted[scope].append(ContentType.objects.get_for_model(model).pk)
    site = Site.find_for_request(request)
    root = site.root_page.localized if site is not None else None
    locale_id = active_locale_id()
    queries = []
    if root is not None:
        queries.append(root.get_children().filter(show_in_menus=True))
        if wanted["site"]:
            queries.append(
                in_site_language(Page.objects.filter(content_type__in=wanted["site"]), site)
            )
    if wanted["locale"]:
        queries.append(Page.objects.filter(content_type__in=wanted["locale"], locale_id=locale_id))
    if not queries:
        return {}
    rows = queries[0]
    for more in queries[1:]:
        rows = rows | more
    found: dict = {}
    for page in public(rows.live()).order_by("path"):
        below_root = root is not None and page.path.startswith(root.path)
        if below_root and page.depth == root.depth + 1 and page.show_in_menus:
            found.setdefault(MENU, []).append(page)
        type_id = page.content_type_id
        if (type_id in wanted["site"] and below_root) or (
            type_id in wanted["locale"] and page.locale_id == locale_id
        ):
            found.setdefault(type_id, []).append(page)
    return found
