"""A page's own parts (base.html's `content`, `seo` and `structured_data` blocks), rendered once
per content version and reused by the worker while that version holds.

The full-page cache serves most visitors, but not all: anyone with a session cookie (a patient
who has just sent the form, staff reading the site), query strings the page did not vouch for,
and every worker's first view of a page once the page cache has dropped it. Those requests used
to build the article body, the related reading, the conditions it covers and the author's teaser
from scratch, which was most of the page's time. The body of a page is the same for all of them
while nothing changes, so a worker keeps the rendered HTML under the same key site_memo uses for
site-wide fragments: the content version (website/invalidation.py, the one invalidation path),
the host and the language, plus the path (a routable page shows different content per route)
and the part's name.
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

from .invalidation import memo_expires_at, version_for

PARTS_PER_PAGE = 3  # base.html's content, seo and structured-data blocks

# (name, host, path, language, page id, version) -> (expires at, html); most recently used last.
_fragments: OrderedDict[tuple, tuple] = OrderedDict()
_version_held: list[int | None] = [None]
_lock = threading.Lock()  # a threaded server's requests share the worker's fragments


def rendered_once(name: str, request, page, render: Callable[[], str]) -> str:
    """The page's part called `name`: kept, or `render()` now (and kept when it may be)."""
    key = _key(name, request, page)
    if key is None:
        return render()
    now = timezone.now()
    with _lock:
        if _version_held[0] != key[-1]:
            _fragments.clear()  # a save happened: every kept page is from before it
            _version_held[0] = key[-1]
        entry = _fragments.get(key)
        if entry is not None and now < entry[0]:
            _fragments.move_to_end(key)
            return entry[1]
    html = render()
    if _belongs_to_this_response(request):
        return html
    with _lock:
        if _version_held[0] == key[-1]:
            _fragments[key] = (memo_expires_at(now, key[-1]), html)
            _fragments.move_to_end(key)
            while len(_fragments) > settings.PAGE_FRAGMENTS_KEPT * PARTS_PER_PAGE:
                _fragments.popitem(last=False)
    return html


def forget_all() -> None:
    """Drop every kept page (tests; a new content version does this by itself)."""
    with _lock:
        _fragments.clear()
        _version_held[0] = None


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
    host = request.__dict__.get("_memo_host") or request.get_host()
    language = translation.get_language()
    return (name, host, request.path_info, language, page.pk, version_for(request))


def _belongs_to_this_response(request) -> bool:
    """This response carries its own CSRF token or CSP nonce, which its content may show
    (get_token() flags the cookie for sending; django-csp keeps the nonce in `_csp_nonce`
    once a template reads it)."""
    if isinstance(request.__dict__.get("_csp_nonce"), str):
        return True
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
