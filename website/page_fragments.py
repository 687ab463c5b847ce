"""A page's own parts (base.html's `content`, `seo` and `structured_data` blocks), rendered once
and reused by the worker until a change drops them, as the full-page cache drops its copies.

The full-page cache serves most visitors, but not all: anyone with a session cookie (a patient
who has just sent the form, staff reading the site), query strings the page did not vouch for,
and every worker's first view of a page once the page cache has dropped it. Those requests used
to build the article body, the related reading, the conditions it covers and the author's teaser
from scratch, which was most of the page's time. The body of a page is the same for all of them
while nothing changes, so a worker keeps the rendered HTML under the tokens the full-page cache
files that page's copies under (website/invalidation.py, the one invalidation path): the site
token and the page's drop token, so a change drops exactly the parts the page cache drops
(the page, the pages that show it; every page for a site-wide change). The key also holds the
host, the language, the path (a routable page shows different content per route) and the part.
It is kept until the next clock change and at most SITE_MEMO_SECONDS (0 turns this off too),
and only the parts of the PAGE_FRAGMENTS_KEPT pages used last are kept (default 300; 0 turns it
off): a site with thousands of articles costs a worker a few megabytes, not a copy of the site.

Never kept: previews (draft content under a live page's id), anything but GET/HEAD without a
query string, and content whose rendering used the CSRF token or the CSP nonce (both belong to
one response).

A view that serves no page (search) may let its parts be kept too, with keep_view_parts(): the
parts it names under what they show (search: the cleaned words and the page number; never the
raw query string, so a variant of it is served the same words' results, never another's), the
others once per path. They are kept under the *full* content version, which every change, a
publish included, replaces (search results change with any page), in a store of their own of
SEARCH_RESULTS_KEPT entries, so a stream of different searches cannot push out the pages' parts.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable

from django.conf import settings
from django.utils import timezone, translation

from .invalidation import memo_expires_at, state_for
from .site_memo import request_host

PARTS_PER_PAGE = 3  # base.html's content, seo and structured-data blocks


class _Kept:
    """Rendered parts by key, most recently used last, all filed under one token (`held`):
    when it changes, everything kept is from before the change."""

    def __init__(self, setting: str):
        self.setting = setting  # how many pages' (or searches') parts, in settings
        self.entries: OrderedDict[tuple, tuple] = OrderedDict()  # key -> (expires at, html)
        self.held: int | None = None

    def capacity(self) -> int:
        return getattr(settings, self.setting) * PARTS_PER_PAGE


# Pages: (name, host, path, language, page id, site token, page's drop token).
_pages = _Kept("PAGE_FRAGMENTS_KEPT")
# Views without a page: (name, host, path, language, what the part shows, token).
_views = _Kept("SEARCH_RESULTS_KEPT")
_fragments = _pages.entries  # the pages' parts (tests look at them)
_lock = threading.Lock()  # a threaded server's requests share the worker's fragments


def rendered_once(name: str, request, page, render: Callable[[], str]) -> str:
    """The page's part called `name`: kept, or `render()` now (and kept when it may be)."""
    found = _key(name, request, page)
    if found is None:
        return render()
    store, key, held, site_token = found
    now = timezone.now()
    with _lock:
        if store.held != held:
            store.entries.clear()  # a change the store's entries all predate
            store.held = held
        entry = store.entries.get(key)
        if entry is not None and now < entry[0]:
            store.entries.move_to_end(key)
            return entry[1]
    html = render()
    if _belongs_to_this_response(request):
        return html
    with _lock:
        if store.held == held:
            # A page change leaves the parts it dropped unreachable: they age out of the end.
            store.entries[key] = (memo_expires_at(now, site_token), html)
            store.entries.move_to_end(key)
            while len(store.entries) > store.capacity():
                store.entries.popitem(last=False)
    return html


def keep_view_parts(request, shows: tuple, parts: tuple[str, ...] = ("content",)) -> None:
    """Let the parts of a view that serves no page be kept: `parts` under `shows` (all they
    depend on besides the site, the path and the language), the others once per path. The
    view vouches for its query string: only what `shows` names may change what they show."""
    request._kept_view_parts = (shows, parts)


def keep_nothing(request) -> None:
    """Nothing this response shows may be kept (its view found the request out of range)."""
    request._keep_no_parts = True


def forget_all() -> None:
    """Drop every kept part (tests; a new content version does this by itself)."""
    with _lock:
        for store in (_pages, _views):
            store.entries.clear()
            store.held = None


def _key(name: str, request, page) -> tuple | None:
    """(the store, the key, the token the store is held under, the site token), or None."""
    if (
        settings.SITE_MEMO_SECONDS <= 0
        or request is None
        or getattr(request, "is_preview", False)
        or request.method not in ("GET", "HEAD")
    ):
        return None
    if page is None or getattr(page, "pk", None) is None:
        return _view_key(name, request)
    if settings.PAGE_FRAGMENTS_KEPT <= 0 or request.GET:
        return None
    state = state_for(request)
    where = (request_host(request), request.path_info, translation.get_language())
    key = (name, *where, page.pk, state.site_token, state.page_token(page.pk))
    return _pages, key, state.site_token, state.site_token


def _view_key(name: str, request) -> tuple | None:
    kept = request.__dict__.get("_kept_view_parts")
    if kept is None or settings.SEARCH_RESULTS_KEPT <= 0:
        return None
    shows, parts = kept
    state = state_for(request)
    where = (request_host(request), request.path_info, translation.get_language())
    key = (name, *where, shows if name in parts else None, state.token)
    return _views, key, state.token, state.site_token


def _belongs_to_this_response(request) -> bool:
    """This response carries its own CSRF token or CSP nonce, which its content may show
    (get_token() flags the cookie for sending; django-csp keeps the nonce in `_csp_nonce`
    once a template reads it), or its view said so (keep_nothing)."""
    if isinstance(request.__dict__.get("_csp_nonce"), str):
        return True
    if request.__dict__.get("_keep_no_parts"):
        return True
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
