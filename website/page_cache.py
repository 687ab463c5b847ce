"""Full-page cache for anonymous visitors: a page is built once and served from the cache until
the content changes or the clock does.

What is cached: GET/HEAD 200 responses to visitors without a session cookie, that set no cookie,
do not say `private`, `no-store` or `no-cache`, and used no CSP nonce. So the appointment form
(CSRF cookie, nonces for its scripts), search results and anything personal (they say no-store),
the admin and previews (signed in) are never cached.
A page with a query string is cached only when the view vouched for every parameter in it
(accept_query: page 2 of 3, a condition that exists), each given once: otherwise every junk
value (?page=abc, ?page=99999, ?condition=x1, x2, …) would be one more entry in the cache.

When a copy is stale is website/invalidation.py's business: every key carries the site token (a
site-wide change makes every stored copy unreachable at once); each copy records the page that
served it and that page's drop token then (a page change makes the copies of the pages that show
it misses), or, when no page served it (the sitemap), the content token (any change); and a copy
is kept no longer than until the next clock change ("Open now" ends at 5:00 PM) or
PAGE_CACHE_SECONDS.

When the cache cannot be reached (Redis down), every read is a miss and every write is dropped
(website/cache.py): pages are built from the database. No change is lost, as none is kept here.
"""

import hashlib
import logging
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

from .invalidation import State, page_cache_seconds, state_for

logger = logging.getLogger(__name__)

SKIPPED_HEADERS = {"set-cookie", "x-cache", "content-length"}
# Query parameters that change the page; any other parameter bypasses the cache entirely. Even
# these are kept only when the view accepted their values (accept_query).
CACHEABLE_QUERY_PARAMETERS = {"page", "condition", "area"}


def accept_query(request, *names: str) -> None:
    """The view says these query parameters hold real values, written as the site's own links
    write them: its page may be cached under them."""
    accepted = getattr(request, "_page_cache_accepted_query", frozenset())
    request._page_cache_accepted_query = accepted | set(names)


def _query_accepted(request) -> bool:
    accepted = getattr(request, "_page_cache_accepted_query", frozenset())
    return all(name in accepted and len(request.GET.getlist(name)) == 1 for name in request.GET)


def _key(request) -> str | None:
    if request.method not in ("GET", "HEAD"):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None  # possibly signed in, or mid-form: never share their page
    if not set(request.GET) <= CACHEABLE_QUERY_PARAMETERS:
        return None
    if request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES):
        return None
    query = urlencode(sorted(request.GET.items()))  # one key whatever the parameters' order
    # Hashed: a visitor chooses the path and the query, and a key must stay short and plain.
    address = f"{request.get_host()}{request.path_info}?{query}".encode("utf-8", "backslashreplace")
    address = hashlib.sha256(address)
    return f"page-cache:{state_for(request).site_token}:{address.hexdigest()}"


def served_by(request, page) -> None:
    """The page this response shows (Wagtail's before_serve_page hook, website/wagtail_hooks.py):
    its copy is dropped with that page's changes rather than with every change."""
    request._page_cache_page_id = page.pk


def _dropped_since(stored: dict, state: State) -> bool:
    page_id = stored.get("page_id")
    if page_id is None:
        return stored.get("token") != state.token
    return stored.get("token") != state.page_token(page_id)


def _cache_call(method, *args):
    """A cache read or write that fails (a full disk for the file cache, say) is a miss, not a
    500. Redis being unreachable is already a miss in its backend (website/cache.py)."""
    try:
        return method(*args)
    except Exception:
        logger.warning("page cache: the cache failed; serving without it", exc_info=True)
        return None


def _cacheable(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "no-cache" not in cache_control
        # django-csp's lazy nonce is true once a template used it: that page's scripts carry
        # a nonce meant for this response alone (only the appointment form has any).
        and not getattr(request, "csp_nonce", None)
        and _query_accepted(request)
    )


class PageCacheMiddleware:
    """Put it right after WhiteNoise: a hit then skips sessions, auth and Wagtail routing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PAGE_CACHE_SECONDS <= 0:
            return self.get_response(request)
        key = _key(request)
        if key is None:
            return self.get_response(request)
        stored = _cache_call(cache.get, key)
        if stored is not None and not _dropped_since(stored, state_for(request)):
            return self._replay(stored)
        response = self.get_response(request)
        if _cacheable(request, response):
            timeout = page_cache_seconds(timezone.now(), state_for(request).site_token)
            if timeout > 0:
                self._mark_public(response, timeout)
                _cache_call(cache.set, key, self._store(request, response), timeout)
            response["X-Cache"] = "MISS"
        return response

    @staticmethod
    def _store(request, response) -> dict:
        headers = {k: v for k, v in response.items() if k.lower() not in SKIPPED_HEADERS}
        # The tokens as the request started: a change committed while it was built drops it.
        state = state_for(request)
        page_id = getattr(request, "_page_cache_page_id", None)
        token = state.token if page_id is None else state.page_token(page_id)
        return {
            "status": response.status_code,
            "headers": headers,
            "body": response.content,
            "page_id": page_id,
            "token": token,
        }

    @staticmethod
    def _replay(stored: dict) -> HttpResponse:
        response = HttpResponse(stored["body"], status=stored["status"])
        for header, value in stored["headers"].items():
            response[header] = value
        response["Content-Length"] = str(len(stored["body"]))
        response["X-Cache"] = "HIT"
        return response

    @staticmethod
    def _mark_public(response, timeout: int) -> None:
        """A shared cache (CDN) may keep it briefly; browsers revalidate."""
        cdn_seconds = min(timeout, settings.PAGE_CACHE_CDN_SECONDS)
        response["Cache-Control"] = f"public, max-age=0, s-maxage={cdn_seconds}"
