"""When the public site's content changed, and until when what it shows stays true: one place.

The page cache (website/page_cache.py) and the fragments each worker keeps (website/site_memo.py)
file everything under the *content version*, and keep nothing past the next *clock change*.

Content version. One row (ContentVersion) holds a random token. Every change a visitor could see
writes a new one, in the same transaction as the change, with a plain UPDATE: publishing,
unpublishing, moving or deleting a page, saving a live page in full (code that creates or edits
one without a revision), and saving or deleting a site setting, snippet, image, document, site,
redirect or view restriction (and the inline rows of any of these). So the
version commits with the change or not at all, and no cache outage can lose it (Redis only ever
holds copies that can be rebuilt). A new token is random, never the old one plus one: a change
that is rolled back leaves no token that a later change could write again, so a page built
inside that transaction could never be served as current. The UPDATE holds the row's lock until
its transaction ends, so saves made at the same moment queue there briefly (an admin save is one
short transaction).

Reading it. `current_version()` reads the row at most once every CONTENT_VERSION_RECHECK_SECONDS
(1 s) per thread, so a change made by another process shows within that time and a cached page
costs no query. The memo is per thread, as database connections are: a thread that bumped the
token holds its own uncommitted write, which only its own connection can see (a memo shared by
threads would hand it to threads that still read the old data, and copies they built from it
would be served as current once it commits); other threads of the process read the row again as
soon as that commit is done (on_commit). If the transaction rolls back, the bumping thread reads
the row again on its next call: nothing filed under the dead token is ever served.

Changes no signal reports (raw SQL, a queryset's update()) show when each copy expires, or at
once after `bump()`. While the database cannot be reached, a worker keeps the version it read
last and cached pages are still served (a worker cut off from a database others still reach
may serve them stale, until each expires: better than an error page).

Clock changes. "Open now, closes at 5:00 PM" stops being true at 5:00 PM, and the holiday banner's
window moves at midnight, with nobody saving anything. Apps say when their content next changes
by itself through the Wagtail hook `practice_content_expiry` (a function of `now` returning a
moment or None; hours/wagtail_hooks.py). Nothing cached outlives the earliest of these, the next
local midnight, and PAGE_CACHE_SECONDS (pages) or SITE_MEMO_SECONDS (fragments).
"""

import logging
import secrets
import threading
import time
from datetime import datetime, timedelta
from datetime import time as clock_time
from functools import cache as memoize
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import DatabaseError, models, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

EXPIRY_HOOK = "practice_content_expiry"
_ROW = 1


class ContentVersion(models.Model):
    """The one row whose token changes with every change to what visitors see."""

    token = models.BigIntegerField()
    changed_at = models.DateTimeField()

    class Meta:
        app_label = "website"

    def __str__(self):
        return f"content version {self.token:x} ({self.changed_at:%Y-%m-%d %H:%M:%S})"


def new_token() -> int:
    return secrets.randbits(63)  # fits a signed 64-bit column


# --- The content version ------------------------------------------------------------------------

# This thread's reading: {"token", "read_at" (monotonic), "commits_seen", "pending"}.
_memo = threading.local()
# How many bumps this process has committed: another thread's reading older than that is stale.
_commits = [0]


class _BumpCommitted:
    """Queued with transaction.on_commit by each bump: run when the bump commits, dropped by
    Django with the transaction or savepoint that rolls it back."""

    ran = False

    def __call__(self):
        self.ran = True
        _commits[0] += 1


def current_version() -> int:
    """The content version now (as of at most CONTENT_VERSION_RECHECK_SECONDS ago)."""
    memo = _memo.__dict__
    _forget_rolled_back_bumps(memo)
    if (
        "token" not in memo
        or memo["commits_seen"] != _commits[0]
        or time.monotonic() - memo["read_at"] >= settings.CONTENT_VERSION_RECHECK_SECONDS
    ):
        commits_seen = _commits[0]  # before the read: a commit during it means read again
        try:
            token = _read_token()
        except DatabaseError:
            if "token" not in memo:
                raise
            # Nothing can change while the database cannot be reached: cached pages go on being
            # served under the version known last (pages to build fail in any case).
            _warn_database_unreachable()
            token, commits_seen = memo["token"], memo["commits_seen"]
        _remember_token(token, commits_seen)
    return memo["token"]


def version_for(request) -> int:
    """The content version one request is served under, read once: all it shows agrees."""
    if not hasattr(request, "_content_version"):
        request._content_version = current_version()
    return request._content_version


def bump(**kwargs) -> None:
    """Everything cached so far is stale: to be called in the transaction that changes content
    (signal receivers do; so may a script after a raw update)."""
    token = new_token()
    now = timezone.now()
    if not ContentVersion.objects.filter(pk=_ROW).update(token=token, changed_at=now):
        # The row went (a flushed database): put it back, even against a concurrent writer.
        ContentVersion.objects.update_or_create(
            pk=_ROW, defaults={"token": token, "changed_at": now}
        )
    committed = _BumpCommitted()
    transaction.on_commit(committed)  # at once when not in a transaction
    memo = _memo.__dict__
    _forget_rolled_back_bumps(memo)  # and those committed: a thread may bump and never read
    _remember_token(token, _commits[0])
    if not committed.ran:
        memo.setdefault("pending", []).append(committed)


def forget() -> None:
    """This thread reads the version again on its next call (tests)."""
    _memo.__dict__.clear()


def _forget_rolled_back_bumps(memo: dict) -> None:
    """The token this thread wrote and keeps is void if that write was rolled back: read the
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
            return  # still to commit: the token kept is this connection's own
        pending.pop()  # rolled back: the token it wrote never existed
        memo.pop("token", None)
    pending.clear()  # none left, or the latest committed and every bump before it with it


def _read_token() -> int:
    try:
        return ContentVersion.objects.values_list("token", flat=True).get(pk=_ROW)
    except ContentVersion.DoesNotExist:
        bump()
        return _memo.token


def _remember_token(token: int, commits_seen: int) -> None:
    _memo.__dict__.update(token=token, read_at=time.monotonic(), commits_seen=commits_seen)


_last_warning = [float("-inf")]


def _warn_database_unreachable() -> None:
    if time.monotonic() - _last_warning[0] >= 60:
        _last_warning[0] = time.monotonic()
        logger.warning("content version: the database is unreachable; serving the cached pages")


# --- What bumps it ------------------------------------------------------------------------------


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
    """A live page saved in full (created live, or edited in place by code rather than through a
    revision) changes what it shows. Wagtail's own bookkeeping saves (a draft, a lock) name their
    update_fields and change nothing public; publishing sends page_published."""
    from wagtail.models import Page

    if isinstance(instance, Page) and instance.live and update_fields is None:
        bump()


def _on_page_deleted(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump()


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump, dispatch_uid=f"content_version_{id(signal)}")
    post_save.connect(_on_page_saved, dispatch_uid="content_version_page_saved")
    post_delete.connect(_on_page_deleted, dispatch_uid="content_version_page_deleted")
    post_save.connect(_on_model_change, dispatch_uid="content_version_model_saved")
    post_delete.connect(_on_model_change, dispatch_uid="content_version_model_deleted")


# --- Clock changes ------------------------------------------------------------------------------

# The next clock change, worked out once per version: {"key": (version, providers), "moment"}.
_clock_change: dict = {"key": None, "moment": None}


def next_clock_change(now: datetime, version: int) -> datetime:
    """The earliest moment after `now` that an expiry hook names, or the next local midnight.
    Hooks query the database, so the answer is kept until it passes or the version changes."""
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
