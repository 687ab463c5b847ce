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
"""

import threading
from collections import OrderedDict
from collections.abc import Callable

from django.conf import settings
from django.utils import timezone, translation

from .invalidation import memo_expires_at, state_for
from .site_memo import request_host

PARTS_PER_PAGE = 3  # base.html's content, seo and structured-data blocks

# (name, host, path, language, page id, site token, page's drop token) -> (expires at, html);
# most recently used last.
_fragments: OrderedDict[tuple, tuple] = OrderedDict()
_site_token_held: list[int | None] = [None]
_lock = threading.Lock()  # a threaded server's requests share the worker's fragments


def rendered_once(name: str, request, page, render: Callable[[], str]) -> str:
    """The page's part called `name`: kept, or `render()` now (and kept when it may be)."""
    key = _key(name, request, page)
    if key is None:
        return render()
    site_token = key[-2]
    now = timezone.now()
    with _lock:
        if _site_token_held[0] != site_token:
            _fragments.clear()  # a site-wide change: every kept page is from before it
            _site_token_held[0] = site_token
        entry = _fragments.get(key)
        if entry is not None and now < entry[0]:
            _fragments.move_to_end(key)
            return entry[1]
    html = render()
    if _belongs_to_this_response(request):
        return html
    with _lock:
        if _site_token_held[0] == site_token:
            # A page change leaves the parts it dropped unreachable: they age out of the end.
            _fragments[key] = (memo_expires_at(now, site_token), html)
            _fragments.move_to_end(key)
            while len(_fragments) > settings.PAGE_FRAGMENTS_KEPT * PARTS_PER_PAGE:
                _fragments.popitem(last=False)
    return html


def forget_all() -> None:
    """Drop every kept page (tests; a new content version does this by itself)."""
    with _lock:
        _fragments.clear()
        _site_token_held[0] = None


def _key(name: str, request, page) -> tuple | None:
    if (
        settings.SITE_MEMO_SECONDS <= 0
        or settings.PAGE_FRAGMENTS_KEPT <= 0
        or request is None
        or page is None
        or getattr(page, "pk", None) is None
        or getattr(request, "is_preview", False)
        or request.method not in ("GET", "HEAD")
        or request.GET
    ):
        return None
    host = request_host(request)
    language = translation.get_language()
    state = state_for(request)
    return (
        name,
        host,
        request.path_info,
        language,
        page.pk,
        state.site_token,
        state.page_token(page.pk),
    )


def _belongs_to_this_response(request) -> bool:
    """This response carries its own CSRF token or CSP nonce, which its content may show
    (get_token() flags the cookie for sending; django-csp keeps the nonce in `_csp_nonce`
    once a template reads it)."""
    if isinstance(request.__dict__.get("_csp_nonce"), str):
        return True
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
