"""What every public page shows alike, built once per worker and reused until it changes.

The site's navigation, the footer (contact details, today's hours), the holiday banner, the
practice's settings and the clinic's JSON-LD node are the same on every page, yet building them
was most of a page's SQL queries and template work. A worker keeps each of them in memory:

- under the page cache's generation number (website/page_cache.py). Publishing, unpublishing,
  moving or deleting a page, and saving a setting, snippet, image, document or site, bumps it
  after the commit; every worker sees the new number on its next request and builds afresh. So a
  save shows on the very next page view, in every worker.
- until the clock changes what they say: the next moment an expiry provider names ("Open now"
  ends at 5:00 PM), the next local midnight (the banner's window, today's date), and at most
  SITE_MEMO_SECONDS, a safety net for changes no signal reports (raw SQL in a shell, say).

SITE_MEMO_SECONDS = 0 switches it off: development (templates change under you) and tests (a test
transaction never commits, so nothing would bump the generation). When the cache that holds the
generation cannot be read, nothing is kept and every page builds everything, as it did before.
"""

import functools
from collections.abc import Callable
from contextvars import ContextVar
from datetime import datetime, time, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from . import page_cache

T = TypeVar("T")

# (name, host, generation) -> (expires at, value). Only the current generation's entries are kept.
_entries: dict[tuple, tuple[datetime, object]] = {}
_generation_held: list[int | None] = [None]
# The generation of the request being served, for code that has no request to hand.
_request_generation: ContextVar[int | None] = ContextVar("site_memo_generation", default=None)


def remember(request, name: str, build: Callable[[], T]) -> T:
    """`build()`'s result for this site, kept as described above; `build()` itself when off."""
    if request is None or settings.SITE_MEMO_SECONDS <= 0:
        return build()
    return _remember(name, request.get_host(), page_cache.generation_for(request), build)


_BUILD_ANYWAY = object()


def memoised_tag(name: str, *, without_request=_BUILD_ANYWAY):
    """For a template tag that takes the context: what it returns is kept under `name` with
    remember(). Put it under `@register.simple_tag(takes_context=True)`:

        @register.simple_tag(takes_context=True)
        @memoised_tag("main-navigation", without_request=[])
        def main_navigation(context): ...

    What the tag builds is shared by every page of the site, so it may read the request and
    site-wide context (the practice's settings), never anything about the page being rendered.
    When the context holds no request the tag returns `without_request` if given, else builds
    afresh."""

    def decorate(tag: Callable[..., T]) -> Callable[..., T]:
        @functools.wraps(tag)
        def memoised(context):
            request = context.get("request")
            if request is None and without_request is not _BUILD_ANYWAY:
                return without_request
            return remember(request, name, lambda: tag(context))

        return memoised

    return decorate


def remember_sitewide(name: str, build: Callable[[], T]) -> T:
    """The same for facts about the whole installation, where no request is to hand."""
    if settings.SITE_MEMO_SECONDS <= 0:
        return build()
    generation = _request_generation.get()  # set while SiteLookupMiddleware serves a request
    if generation is None:
        generation = page_cache.current_generation()
    return _remember(name, None, generation, build)


def _remember(name: str, host: str | None, generation: int | None, build: Callable[[], T]) -> T:
    if generation is None:
        return build()
    if _generation_held[0] != generation:
        _entries.clear()  # a save happened: everything kept is from before it
        _generation_held[0] = generation
    now = timezone.now()
    key = (name, host, generation)
    entry = _entries.get(key)
    if entry is not None and now < entry[0]:
        return entry[1]
    value = build()
    _entries[key] = (_expiry(now, generation), value)
    return value


def forget_all() -> None:
    """Drop everything kept in this worker (tests; the generation does this in production)."""
    _entries.clear()
    _generation_held[0] = None


def _expiry(now: datetime, generation: int) -> datetime:
    moments = [
        now + timedelta(seconds=settings.SITE_MEMO_SECONDS),
        _next_local_midnight(now),
    ]
    if (change := page_cache.next_clock_change(now, generation)) is not None:
        moments.append(change)
    return min(moments)


def _next_local_midnight(now: datetime) -> datetime:
    zone = ZoneInfo(settings.TIME_ZONE)
    tomorrow = now.astimezone(zone).date() + timedelta(days=1)
    return datetime.combine(tomorrow, time(0), tzinfo=zone)


class SiteLookupMiddleware:
    """Wagtail finds the request's Site (a query) and its root page (two more) on every request.
    Kept like the rest: saving a site or publishing its root page bumps the generation."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from wagtail.models import Site

        site = remember(request, "site", lambda: Site.find_for_request(request))
        # Where Site.find_for_request keeps its answer for the rest of the request.
        request._wagtail_site = site
        token = _request_generation.set(page_cache.generation_for(request))
        try:
            return self.get_response(request)
        finally:
            _request_generation.reset(token)
