"""Full-page cache for anonymous visitors, with invalidation that never shows stale content.

What is cached: GET/HEAD 200 responses to visitors without a session cookie, that set no cookie
and do not say `private` or `no-store`. So the appointment form (CSRF cookie), search results and
anything personal (they say no-store), the admin and previews (signed in) are never cached.
A page with a query string is cached only when the view vouched for every parameter in it
(accept_query: page 2 of 3, a condition that exists), each given once: otherwise every junk
value (?page=abc, ?page=99999, ?condition=x1, x2, …) would be one more entry in the cache.

Invalidation: every key carries a generation number; publishing, unpublishing, moving or deleting
a page, and saving any site setting, snippet, image, document, site or view restriction bumps it,
so every page is rebuilt on its next request. Whatever shows the change, it cannot be served
stale. Content that changes with time alone (the hours status "Open now", a closure banner)
registers an expiry provider: a cached copy never outlives the next moment one of them names.
website/site_memo.py keeps site-wide fragments under the same generation.

When the cache cannot be reached (Redis down), pages are served uncached rather than failing.

CSP nonces: a cached copy is stored with its nonce replaced by a placeholder and served with a
fresh nonce each time, so no two responses share one.
"""

import hashlib
import logging
import secrets
from collections.abc import Callable
from datetime import datetime
from functools import cache as memoize
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
NONCE_PLACEHOLDER = "__PAGE_CACHE_NONCE__"
SKIPPED_HEADERS = {"set-cookie", "x-cache", "content-length"}
# Query parameters that change the page; any other parameter bypasses the cache entirely. Even
# these are kept only when the view accepted their values (accept_query).
CACHEABLE_QUERY_PARAMETERS = {"page", "condition"}

_expiry_providers: list[Callable[[datetime], datetime | None]] = []
# The next clock change, worked out once per generation: {"generation", "moment"}.
_clock_change: dict = {"generation": None, "moment": None}


def register_expiry(provider: Callable[[datetime], datetime | None]) -> None:
    """`provider(now)` returns the next moment the site's content changes by itself, or None."""
    if provider not in _expiry_providers:
        _expiry_providers.append(provider)
        _clock_change.update(generation=None, moment=None)  # worked out without it: stale


def accept_query(request, *names: str) -> None:
    """The view says these query parameters hold real values, written as the site's own links
    write them: its page may be cached under them."""
    accepted = getattr(request, "_page_cache_accepted_query", frozenset())
    request._page_cache_accepted_query = accepted | set(names)


def _query_accepted(request) -> bool:
    accepted = getattr(request, "_page_cache_accepted_query", frozenset())
    return all(name in accepted and len(request.GET.getlist(name)) == 1 for name in request.GET)


def invalidate_all(**kwargs) -> None:
    """Every cached page is stale from now on (signal receivers call this; so may anyone)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet: start one that no stored key uses
        cache.set(GENERATION_KEY, secrets.randbelow(2**31), timeout=None)


def _generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        invalidate_all()
        generation = cache.get(GENERATION_KEY)
    return generation


def current_generation() -> int | None:
    """The generation now, or None when the cache cannot be reached: then nothing is served
    from it or kept, and the site still answers."""
    try:
        return _generation()
    except Exception:  # Redis down, say: a slower page beats an error page
        logger.warning("page cache: the cache is unreachable; serving without it")
        return None


def generation_for(request) -> int | None:
    """The generation this request sees, read once per request (see current_generation)."""
    if not hasattr(request, "_page_cache_generation"):
        request._page_cache_generation = current_generation()
    return request._page_cache_generation


def next_clock_change(now: datetime, generation: int | None = None) -> datetime | None:
    """The earliest moment any expiry provider names after `now`, or None. Providers query the
    database, so the answer is kept until that moment passes or the generation changes."""
    held, moment = _clock_change["generation"], _clock_change["moment"]
    if generation is not None and held == generation and (moment is None or now < moment):
        return moment
    moment = min((m for p in _expiry_providers if (m := p(now)) is not None), default=None)
    if generation is not None:
        _clock_change.update(generation=generation, moment=moment)
    return moment


def _timeout(now: datetime, generation: int) -> int:
    timeout = settings.PAGE_CACHE_SECONDS
    moment = next_clock_change(now, generation)
    if moment is not None:
        timeout = min(timeout, int((moment - now).total_seconds()))
    return timeout


def _key(request) -> str | None:
    if request.method not in ("GET", "HEAD"):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None  # possibly signed in, or mid-form: never share their page
    if not set(request.GET) <= CACHEABLE_QUERY_PARAMETERS:
        return None
    if request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES):
        return None
    generation = generation_for(request)
    if generation is None:
        return None
    query = urlencode(sorted(request.GET.items()))  # one key whatever the parameters' order
    # Hashed: a visitor chooses the path and the query, and a key must stay short and plain.
    address = f"{request.get_host()}{request.path_info}?{query}".encode("utf-8", "backslashreplace")
    address = hashlib.sha256(address)
    return f"page-cache:{generation}:{address.hexdigest()}"


def _cache_call(method, *args):
    """A cache read or write that fails (the cache went down mid-request) is a miss, not a 500."""
    try:
        return method(*args)
    except Exception:
        logger.warning("page cache: the cache is unreachable; serving without it")
        return None


def _cacheable(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "no-cache" not in cache_control
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
        if stored is not None:
            return self._replay(stored)
        response = self.get_response(request)
        if _cacheable(response) and _query_accepted(request):
            now = timezone.now()
            timeout = _timeout(now, generation_for(request))
            if timeout > 0:
                self._mark_public(response, timeout)
                _cache_call(cache.set, key, self._store(request, response), timeout)
            response["X-Cache"] = "MISS"
        return response

    @staticmethod
    def _store(request, response) -> dict:
        nonce = getattr(request, "_csp_nonce", None)
        body = response.content
        headers = {k: v for k, v in response.items() if k.lower() not in SKIPPED_HEADERS}
        if isinstance(nonce, str):
            body = body.replace(nonce.encode(), NONCE_PLACEHOLDER.encode())
            headers = {k: v.replace(nonce, NONCE_PLACEHOLDER) for k, v in headers.items()}
        return {"status": response.status_code, "headers": headers, "body": body}

    @staticmethod
    def _replay(stored: dict) -> HttpResponse:
        nonce = secrets.token_urlsafe(16)
        body = stored["body"].replace(NONCE_PLACEHOLDER.encode(), nonce.encode())
        response = HttpResponse(body, status=stored["status"])
        for header, value in stored["headers"].items():
            response[header] = value.replace(NONCE_PLACEHOLDER, nonce)
        response["Content-Length"] = str(len(body))
        response["X-Cache"] = "HIT"
        return response

    @staticmethod
    def _mark_public(response, timeout: int) -> None:
        """A shared cache (CDN) may keep it briefly; browsers revalidate."""
        cdn_seconds = min(timeout, settings.PAGE_CACHE_CDN_SECONDS)
        response["Cache-Control"] = f"public, max-age=0, s-maxage={cdn_seconds}"


@memoize
def _shown_publicly(model) -> bool:
    """Models whose saves can change a public page: settings, snippets, images, documents, sites,
    view restrictions, and the inline rows (ParentalKey children) of any of those."""
    from modelcluster.fields import ParentalKey
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    # Sites (hostnames, root pages) decide which page a URL is; a view restriction decides
    # whether a page is public at all.
    direct = (BaseSiteSetting, BaseGenericSetting, get_image_model(), get_document_model())
    direct += (Site, PageViewRestriction)
    if issubclass(model, direct) or model in get_snippet_models():
        return True
    return any(
        isinstance(field, ParentalKey) and _shown_publicly(field.related_model)
        for field in model._meta.get_fields()
    )


def _on_model_change(sender, **kwargs) -> None:
    if _shown_publicly(sender):
        _invalidate_after_commit()


def _on_page_change(sender=None, **kwargs) -> None:
    _invalidate_after_commit()


def _invalidate_after_commit() -> None:
    """After the whole save (a setting and its inline rows) is committed, not halfway."""
    from django.db import transaction

    transaction.on_commit(invalidate_all)


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_on_page_change, dispatch_uid=f"page_cache_{id(signal)}")
    post_delete.connect(_on_page_deleted, dispatch_uid="page_cache_page_deleted")
    post_save.connect(_on_model_change, dispatch_uid="page_cache_model_saved")
    post_delete.connect(_on_model_change, dispatch_uid="page_cache_model_deleted")


def _on_page_deleted(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        _invalidate_after_commit()
