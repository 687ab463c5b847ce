"""What every public page shows alike, built once per worker and reused until it changes.

The site's navigation, the footer (contact details, today's hours), the holiday banner, the
practice's settings and the clinic's JSON-LD node are the same on every page, yet building them
was most of a page's SQL queries and template work. A worker keeps each of them in memory under
the content version, until the next clock change, and for at most SITE_MEMO_SECONDS (all three
are website/invalidation.py's): a save shows on the next page view in every worker (within the
version's recheck interval, 1 s), and "Open now" goes when the practice closes.

Two tiers. What every page shows alike (the memoised template tags, the practice's settings, the
offices' schedules, the clinic node, the site and its root page) is kept under the *site* token
and outlives a page change (publishing an article: invalidation.drop_pages). A page change is, by
invalidation.py's definition, one that shows on the pages it drops and on no other; every page
shows these, so they are exactly as fresh as the page cache's copies of the pages it keeps. The
first view after an article is published then rebuilds only what that page change can alter
(routing, translations, search results: `survives_page_changes=False`, the default).

The site tier is shared too (website/shared_parts.py): what one worker builds under a site token
is kept in Django's default cache (Redis in production) until the same moment, and the other
workers, on every node, read it there instead of building it again.

SITE_MEMO_SECONDS = 0 switches the worker's memory off (development: templates change under you):
each request then builds each part once, as the first request after a change does with it on (a
request is served under one content version in any case: invalidation.version_for), except the
site tier's parts, which it reads from the shared cache when another worker or an earlier request
built them for this site token (SITE_PARTS_SHARED_SECONDS = 0 turns that off as well).
"""

import functools
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

from django.conf import settings
from django.utils import timezone, translation

from . import shared_parts
from .invalidation import State, current_state, memo_expires_at, state_for

T = TypeVar("T")

# (name, (host, language), token) -> (expires at, value): kept until the next change of any kind.
_entries: dict[tuple, tuple] = {}
# (name, (host, language), site token) -> (expires at, value): kept across page changes.
_site_entries: dict[tuple, tuple] = {}
# The (token, site token) the entries above were built under: only the latest are kept.
_version_held: list[tuple[int, int] | None] = [None]
# Expired entries are dropped at most this often: a name carrying a date ("hours-day:…:<day>")
# is never asked for again after that day, and would otherwise stay until the next save.
SWEEP_SECONDS = 60
_next_sweep: list = [None]
# While SITE_MEMO_SECONDS is 0: what this thread's request has built so far (SiteLookupMiddleware).
_this_request = threading.local()


def remember(
    request, name: str, build: Callable[[], T], *, survives_page_changes: bool = False
) -> T:
    """`build()`'s result for this site, kept as described above; when off, for this request.
    `survives_page_changes`: what it builds is the same on every page (see "Two tiers")."""
    if request is None:
        return build()
    # The same fragment differs by language (/es/…: LocaleMiddleware has activated it).
    where = (request_host(request), translation.get_language())
    if settings.SITE_MEMO_SECONDS <= 0:
        if survives_page_changes and shared_parts.enabled():
            return _shared_for_this_request(name, where, state_for(request).site_token, build)
        return _for_this_request((name, where), build)
    return _remember(name, where, state_for(request), build, survives_page_changes)


def request_host(request) -> str:
    """request.get_host(), checked against ALLOWED_HOSTS once per request, not at every use."""
    if (host := request.__dict__.get("_memo_host")) is None:
        host = request._memo_host = request.get_host()
    return host


def _for_this_request(key: tuple, build: Callable[[], T]) -> T:
    store = getattr(_this_request, "store", None)
    if store is None:  # outside a request (a command, a task): built each time
        return build()
    if key not in store:
        store[key] = build()
    return store[key]


def _shared_for_this_request(name: str, where, site_token: int, build: Callable[[], T]) -> T:
    """With SITE_MEMO_SECONDS = 0: this request's part, read from the shared cache if any
    worker built it for this site token, else built here and written there."""
    store = getattr(_this_request, "store", None)
    if store is None:  # outside a request (a command, a task): built each time, as before
        return build()
    key = (name, where)
    if key not in store:
        for part, (_, value) in shared_parts.read(
            name, where, site_token, store.__contains__
        ).items():
            store.setdefault(part, value)
        if key not in store:
            store[key] = build()
            shared_parts.write(name, where, site_token, store[key], timezone.now())
    return store[key]


def recall(request, name: str, default=None):
    """What remember() keeps under `name` for this site, without building it: `default` when
    nothing is kept (yet, or any more). For building many at once (search results)."""
    if request is None:
        return default
    where = (request_host(request), translation.get_language())
    if settings.SITE_MEMO_SECONDS <= 0:
        return (getattr(_this_request, "store", None) or {}).get((name, where), default)
    state = state_for(request)
    key = (name, where, state.token)
    entry = _entries.get(key) if _version_held[0] == (state.token, state.site_token) else None
    if entry is not None and timezone.now() < entry[0]:
        return entry[1]
    return default


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
            return remember(request, name, lambda: tag(context), survives_page_changes=True)

        return memoised

    return decorate


def remember_sitewide(
    name: str, build: Callable[[], T], *, survives_page_changes: bool = False
) -> T:
    """The same for facts about the whole installation, where no request is to hand."""
    if settings.SITE_MEMO_SECONDS <= 0:
        if survives_page_changes and shared_parts.enabled():
            return _shared_for_this_request(name, None, current_state().site_token, build)
        return _for_this_request((name, None), build)
    return _remember(name, None, current_state(), build, survives_page_changes)


def _remember(
    name: str, where: tuple | None, state: State, build: Callable[[], T], site_tier: bool
) -> T:
    held = _version_held[0]
    if held != (state.token, state.site_token):
        _entries.clear()  # a change happened: what any change can alter is from before it
        if held is None or held[1] != state.site_token:
            _site_entries.clear()  # a site-wide one: everything kept is from before it
        _version_held[0] = (state.token, state.site_token)
    entries, token = (_site_entries, state.site_token) if site_tier else (_entries, state.token)
    now = timezone.now()
    key = (name, where, token)
    entry = entries.get(key)
    if entry is not None and now < entry[0]:
        return entry[1]
    shared = site_tier and shared_parts.enabled()
    if shared and (found := _from_shared(name, where, token, now)) is not None:
        return found[0]
    value = build()
    entries[key] = (memo_expires_at(now, state.site_token), value)
    if shared:
        shared_parts.write(name, where, token, value, now)
    due = _next_sweep[0]
    # A clock stepped back (NTP, or a test travelling in time) must not put the sweep off.
    if due is None or not now < due <= now + timedelta(seconds=SWEEP_SECONDS):
        for kept in (_entries, _site_entries):
            # list(): one step under the GIL, so another thread's write cannot break the loop.
            for stale, (expires, _) in list(kept.items()):
                if expires <= now:
                    kept.pop(stale, None)
        _next_sweep[0] = now + timedelta(seconds=SWEEP_SECONDS)
    return value


def _from_shared(name: str, where, site_token: int, now) -> tuple | None:
    """(value,) when the shared cache holds it; what it returned with it is kept too, each no
    longer than the shared entry says nor than this worker's own SITE_MEMO_SECONDS."""

    def held(part) -> bool:
        entry = _site_entries.get((*part, site_token))
        return entry is not None and now < entry[0]

    found = shared_parts.read(name, where, site_token, held)
    mine = memo_expires_at(now, site_token)
    for (part_name, part_where), (expires, value) in found.items():
        _site_entries[(part_name, part_where, site_token)] = (min(expires, mine), value)
    return (found[(name, where)][1],) if (name, where) in found else None


def forget_all() -> None:
    """Drop everything kept in this worker (tests; a new content version does this)."""
    shared_parts.forget_all()
    _entries.clear()
    _site_entries.clear()
    _version_held[0] = None
    _next_sweep[0] = None


class SiteLookupMiddleware:
    """Wagtail finds the request's Site (a query) and its root page (two more) on every request.
    Kept like the rest: saving a site or publishing its root page changes the content version.
    It comes after LocaleMiddleware: the root page a request starts from is the one in its
    language (PageServingMixin.localized)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from wagtail.models import Site

        outer = getattr(_this_request, "store", None)
        _this_request.store = {}  # what this request builds while the memo is off
        outer_shared = shared_parts.begin_request()
        try:
            site = remember(
                request,
                "site",
                lambda: _with_specific_root(Site.find_for_request(request)),
                survives_page_changes=True,  # a site's root page is never a page change
            )
            # Where Site.find_for_request keeps its answer for the rest of the request (pinned
            # by tests/website/test_wagtail_internals.py).
            request._wagtail_site = site
            return self.get_response(request)
        finally:
            _this_request.store = outer
            shared_parts.end_request(outer_shared)


def _with_specific_root(site):
    """The site with its root page read as its own type, so that Wagtail's routing, which starts
    from `site.root_page.localized.specific`, calls our PageServingMixin.localized (no query)
    instead of Page.localized (one or two per request)."""
    if site is not None:
        site.root_page = site.root_page.specific
    return site
