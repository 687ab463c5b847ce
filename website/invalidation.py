"""When the public site's content changed, and until when what it shows stays true: one place.

The page cache (website/page_cache.py) and the fragments each worker keeps (website/site_memo.py)
file everything under the *content version*, and keep nothing past the next *clock change*. The
CDN or Varnish in front is told the same changes once they commit (website/frontend_cache.py).

Content version. One row (ContentVersion) holds random tokens. Every change a visitor could see
writes a new `token` in the change's own transaction (a plain UPDATE): publishing, unpublishing,
moving or deleting a page, saving a live page in full (publishing does, and code editing one
without a revision), saving or deleting a site setting, snippet, image, document, site, redirect or
view restriction (and their inline rows). So it commits with the change or not at all, and no
cache outage can lose it (Redis only holds copies that can be rebuilt). Random, never the old one
plus one: a rolled-back change leaves no token a later change could write again. The UPDATE holds
the row's lock until its transaction ends, so saves made at the same moment queue briefly.

Two kinds of change. A *site-wide* one (hours, closures, settings, menus, snippets; a move,
unpublish or deletion) also writes a new `site_token`, which every cached page's key carries: all
go at once. A *page change* (publishing a page whose type says what else shows it,
`cache_dependents()`) writes `token` and a PageDrop row for each page showing it: itself, its
ancestors (index pages, the home page's latest articles), their translations, the pages linking to
it (Wagtail's reference index) and those its type names. A cached copy records the page that
served it and that page's drop token (views no page serves, such as the sitemap, record `token`:
any change drops them), and is a miss once that moved. When what shows a page cannot be known (a
type naming nothing, a page in the navigation, a site's root, a link from a setting or snippet),
the change is site-wide. A PageDrop row older than PAGE_CACHE_SECONDS (and a minute) no longer
matters, every copy filed before it having expired: drops delete those, site-wide changes all.

Reading it. `current_state()` reads the row at most once every CONTENT_VERSION_RECHECK_SECONDS
(1 s) per thread (the PageDrop rows too when `token` moved), so another process's change shows
within that time and a cached page costs no query. The memo is per thread, as connections are: a
thread that wrote a change holds its uncommitted write, which only its own connection can see
(shared, threads still reading the old data would file copies under it); the process's other
threads read again as soon as it commits (on_commit). If it rolls back, the writing thread reads
the row again on its next call: nothing filed under a dead token is ever served. Changes no signal
reports (raw SQL, update()) show when copies expire, or at once after `bump()`. While the
database cannot be reached, a worker keeps the version it read last and serves cached pages.

Clock changes. "Open now, closes at 5:00 PM" stops being true at 5:00 PM, and the holiday banner's
window moves at midnight, with nobody saving anything. Apps say when their content next changes by
itself through the Wagtail hook `practice_content_expiry` (a function of `now` returning a moment
or None, from site-wide content only; hours/wagtail_hooks.py). Nothing cached outlives the
earliest of these, the next local midnight, and PAGE_CACHE_SECONDS or SITE_MEMO_SECONDS.
"""

import logging
import secrets
import threading
import time
from datetime import datetime, timedelta
from datetime import time as clock_time
from functools import cache as memoize
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone

from . import frontend_cache
from .content_version import ContentVersion, PageDrop

logger = logging.getLogger(__name__)

EXPIRY_HOOK = "practice_content_expiry"
_ROW = 1


class State(NamedTuple):
    """The content version as one request sees it."""

    token: int  # changes with every change
    site_token: int  # changes with site-wide changes
    drops: dict[int, int]  # page id -> drop token, for pages dropped within the horizon

    def page_token(self, page_id: int) -> int:
        return self.drops.get(page_id, 0)


def new_token() -> int:
    return secrets.randbits(63) | 1  # fits a signed 64-bit column; never 0 ("not dropped")


def _drop_horizon() -> timedelta:
    """How long a PageDrop row matters: a copy filed before it has expired by then."""
    return timedelta(seconds=settings.PAGE_CACHE_SECONDS + 60)


# --- The content version ------------------------------------------------------------------------

# This thread's reading: {"state", "read_at" (monotonic), "commits_seen", "pending"}.
_memo = threading.local()
# How many changes this process has committed: another thread's reading older than that is stale.
_commits = [0]


class _BumpCommitted:
    """Queued with transaction.on_commit by each change: run when it commits, dropped by
    Django with the transaction or savepoint that rolls it back."""

    ran = False

    def __call__(self):
        self.ran = True
        _commits[0] += 1


def current_state() -> State:
    """The content version now (as of at most CONTENT_VERSION_RECHECK_SECONDS ago)."""
    memo = _memo.__dict__
    _forget_rolled_back_bumps(memo)
    if (
        "state" not in memo
        or memo["commits_seen"] != _commits[0]
        or time.monotonic() - memo["read_at"] >= settings.CONTENT_VERSION_RECHECK_SECONDS
    ):
        commits_seen = _commits[0]  # before the read: a commit during it means read again
        try:
            state = _read_state(memo.get("state"))
        except DatabaseError:
            if "state" not in memo:
                raise
            # Nothing can change while the database cannot be reached: cached pages go on being
            # served under the version known last (pages to build fail in any case).
            _warn_database_unreachable()
            state, commits_seen = memo["state"], memo["commits_seen"]
        _remember(state, commits_seen)
    return memo["state"]


def current_version() -> int:
    """The token that changes with every change (fragments, routing, clock changes key on it)."""
    return current_state().token


def state_for(request) -> State:
    """The content version one request is served under, read once: all it shows agrees."""
    if not hasattr(request, "_content_state"):
        request._content_state = current_state()
    return request._content_state


def version_for(request) -> int:
    return state_for(request).token


def bump(**kwargs) -> None:
    """A site-wide change: everything cached so far is stale. To be called in the transaction
    that changes content (signal receivers do; so may a script after a raw update)."""
    token, site_token = new_token(), new_token()
    _write_row(token=token, site_token=site_token)
    PageDrop.objects.all().delete()  # filed under the old site token: none of it is reachable
    _wrote(State(token, site_token, {}))
    frontend_cache.purge_after_commit(everything=True)


def drop_pages(page_ids) -> None:
    """A page change: only the copies these pages served are stale (and those of views that no
    page serves: the sitemap, robots.txt). In the transaction of the change, as bump()."""
    token, now = new_token(), timezone.now()
    if not ContentVersion.objects.filter(pk=_ROW).update(token=token, changed_at=now):
        return bump()
    site_token = ContentVersion.objects.values_list("site_token", flat=True).get(pk=_ROW)
    drops = [PageDrop(page_id=pk, token=new_token(), dropped_at=now) for pk in set(page_ids)]
    upsert = {"unique_fields": ["page_id"], "update_fields": ["token", "dropped_at"]}
    PageDrop.objects.bulk_create(drops, update_conflicts=True, **upsert)
    PageDrop.objects.filter(dropped_at__lt=now - _drop_horizon()).delete()
    _wrote(State(token, site_token, _read_drops()))
    frontend_cache.purge_after_commit(page_ids=page_ids)


def forget() -> None:
    """This thread reads the version again on its next call (tests)."""
    _memo.__dict__.clear()


def _write_row(**tokens) -> None:
    now = timezone.now()
    if not ContentVersion.objects.filter(pk=_ROW).update(**tokens, changed_at=now):
        # The row went (a flushed database): put it back, even against a concurrent writer.
        ContentVersion.objects.update_or_create(pk=_ROW, defaults={**tokens, "changed_at": now})


def _wrote(state: State) -> None:
    """This thread wrote `state`: it keeps it (only its own connection can see it yet)."""
    committed = _BumpCommitted()
    transaction.on_commit(committed)  # at once when not in a transaction
    memo = _memo.__dict__
    _forget_rolled_back_bumps(memo)  # and those committed: a thread may write and never read
    _remember(state, _commits[0])
    if not committed.ran:
        memo.setdefault("pending", []).append(committed)


def _forget_rolled_back_bumps(memo: dict) -> None:
    """The state this thread wrote and keeps is void if that write was rolled back: read the
    row again, else the thread would serve copies built from data that never existed for up to
    the recheck interval. Django keeps a transaction's on_commit callbacks in
    `connection.run_on_commit` (its own test utilities read it) and drops those of a rollback."""
    pending = memo.get("pending")
    if not pending:
        return
    queued = transaction.get_connection().run_on_commit
    while pending and not pending[-1].ran:
        latest = pending[-1]
        if any(callback is latest for _, callback, _ in reversed(queued)):
            return  # still to commit: the state kept is this connection's own
        pending.pop()  # rolled back: the state it wrote never existed
        memo.pop("state", None)
    pending.clear()  # none left, or the latest committed and every write before it with it


def _read_state(known: State | None) -> State:
    try:
        row = ContentVersion.objects.values_list("token", "site_token").get(pk=_ROW)
    except ContentVersion.DoesNotExist:
        bump()
        return _memo.state
    if known is not None and known.token == row[0]:
        return known  # nothing changed since: the drops read with it still hold
    return State(*row, _read_drops())


def _read_drops() -> dict[int, int]:
    since = timezone.now() - _drop_horizon()
    return dict(PageDrop.objects.filter(dropped_at__gte=since).values_list("page_id", "token"))


def _remember(state: State, commits_seen: int) -> None:
    _memo.__dict__.update(state=state, read_at=time.monotonic(), commits_seen=commits_seen)


_last_warning = [float("-inf")]


def _warn_database_unreachable() -> None:
    if time.monotonic() - _last_warning[0] >= 60:
        _last_warning[0] = time.monotonic()
        logger.warning("content version: the database is unreachable; serving the cached pages")


# --- What changes it ----------------------------------------------------------------------------


def pages_showing(page) -> set[int] | None:
    """The ids of the pages whose copies show `page` (see "Two kinds of change" above), or None
    when that cannot be known."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex

    dependents = getattr(page, "cache_dependents", None)
    if dependents is None or page.show_in_menus or page.depth <= 2:
        return None
    page_type = ContentType.objects.get_for_model(Page).pk
    referrers = set(
        ReferenceIndex.get_references_to(page).values_list("base_content_type_id", "object_id")
    )
    if any(content_type != page_type for content_type, _ in referrers):
        return None  # a setting or snippet links to it: it may show on every page
    ids = {page.pk, *dependents(), *(int(pk) for _, pk in referrers)}
    # Its ancestors and every translation of them and of it: a Spanish list may show an English
    # article that has no translation yet.
    keys = [page.translation_key, *page.get_ancestors().values_list("translation_key", flat=True)]
    ids.update(Page.objects.filter(translation_key__in=keys).values_list("pk", flat=True))
    return ids


def page_changed(page) -> None:
    """A live page changed: drop what shows it, or everything when that cannot be known."""
    pages = pages_showing(page)
    if pages is None:
        bump()
    else:
        drop_pages(pages)


@memoize
def _shown_publicly(model) -> bool:
    """Models whose saves can change a public page: settings, snippets, images, documents, sites,
    redirects, view restrictions, and the inline rows (ParentalKey children) of any of those."""
    from modelcluster.fields import ParentalKey
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    # Sites (hostnames, root pages) and redirects decide what a URL answers; a view restriction
    # decides whether a page is public at all.
    direct = (BaseSiteSetting, BaseGenericSetting, get_image_model(), get_document_model())
    direct += (Site, Redirect, PageViewRestriction)
    if issubclass(model, direct) or model in get_snippet_models():
        return True
    return any(
        isinstance(field, ParentalKey) and _shown_publicly(field.related_model)
        for field in model._meta.get_fields()
    )


def _on_model_change(sender, instance, created=False, **kwargs) -> None:
    if _shown_publicly(sender) and not (created and _default_setting(instance)):
        bump()


def _default_setting(instance) -> bool:
    """A settings row Wagtail creates on first read (for_site, load) holds the defaults pages
    showed already: reading a page must not make every cached page stale."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    if not isinstance(instance, (BaseSiteSetting, BaseGenericSetting)):
        return False
    return all(
        field.primary_key
        or field.name == "site"
        or field.value_from_object(instance) == field.get_default()
        for field in instance._meta.concrete_fields
    )


def _on_page_saved(sender, instance, update_fields=None, **kwargs) -> None:
    """A live page saved in full changes what it shows: Wagtail's publishing saves the page so
    (PublishRevisionAction), as does code that creates or edits one without a revision.
    Wagtail's own bookkeeping saves (a draft, a lock) name their update_fields and change
    nothing public."""
    from wagtail.models import Page

    if isinstance(instance, Page) and instance.live and update_fields is None:
        page_changed(instance)


def _on_page_gone(sender, instance, url_path_before=None, **kwargs) -> None:
    """Deleted, unpublished or moved: links and lists anywhere may have shown it."""
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump()
        urls = frontend_cache.page_urls(instance)
        if url_path_before:  # moved: its old address too
            urls += frontend_cache.urls_of_path(url_path_before)
        frontend_cache.purge_after_commit(urls=urls)


def _on_slug_changed(sender, instance, instance_before, **kwargs) -> None:
    """Sent after the publish commits: the page and its descendants moved to new addresses."""
    bump()
    frontend_cache.purge_after_commit(urls=frontend_cache.page_urls(instance_before))


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_slug_changed, page_unpublished, post_page_move

    # Publishing is a live page saved in full (post_save).
    page_unpublished.connect(_on_page_gone, dispatch_uid="content_version_page_unpublished")
    post_page_move.connect(_on_page_gone, dispatch_uid="content_version_page_moved")
    page_slug_changed.connect(_on_slug_changed, dispatch_uid="content_version_slug_changed")
    post_save.connect(_on_page_saved, dispatch_uid="content_version_page_saved")
    post_delete.connect(_on_page_gone, dispatch_uid="content_version_page_deleted")
    post_save.connect(_on_model_change, dispatch_uid="content_version_model_saved")
    post_delete.connect(_on_model_change, dispatch_uid="content_version_model_deleted")


# --- Clock changes ------------------------------------------------------------------------------

# The next clock change, once per site token (a page change does not move it): {"key", "moment"}.
_clock_change: dict = {"key": None, "moment": None}


def next_clock_change(now: datetime, version: int) -> datetime:
    """The earliest moment after `now` that an expiry hook names, or the next local midnight.
    Kept until it passes or `version` changes (hooks query): callers pass the site token."""
    from wagtail import hooks

    providers = tuple(hooks.get_hooks(EXPIRY_HOOK))
    key, moment = _clock_change["key"], _clock_change["moment"]
    if key == (version, providers) and now < moment:
        return moment
    moments = [_next_local_midnight(now)]
    moments += [m for provider in providers if (m := provider(now)) is not None]
    moment = min(moments)
    _clock_change.update(key=(version, providers), moment=moment)
    return moment


def page_cache_seconds(now: datetime, version: int) -> int:
    """How long a page built now may be kept: 0 or less, not at all."""
    until_change = int((next_clock_change(now, version) - now).total_seconds())
    return min(settings.PAGE_CACHE_SECONDS, until_change)


def memo_expires_at(now: datetime, version: int) -> datetime:
    """Until when a site-wide fragment built now may be kept."""
    cap = now + timedelta(seconds=settings.SITE_MEMO_SECONDS)
    return min(cap, next_clock_change(now, version))


def _next_local_midnight(now: datetime) -> datetime:
    zone = ZoneInfo(settings.TIME_ZONE)
    tomorrow = now.astimezone(zone).date() + timedelta(days=1)
    return datetime.combine(tomorrow, clock_time(0), tzinfo=zone)
