"""Telling the CDN or Varnish in front of the site what changed, with Wagtail's frontend cache
module (wagtail.contrib.frontend_cache: its backends, PurgeBatch and each page's
get_cached_paths()).

What to purge is website/invalidation.py's decision, taken in the transaction of the change: a
page change purges the pages that show the page, a site-wide change every page. Nothing is sent
before the change commits (a CDN asked too early fetches the old page again): each transaction
queues one purge with on_commit, which hands it to the Celery worker, so a slow CDN API never
holds up an editor's save. The worker waits CONTENT_VERSION_RECHECK_SECONDS (and a second) before
purging, so that every web worker already serves the new version when the CDN comes back for it.
The sitemap and robots.txt go with every purge.

Wagtail's app itself is not in INSTALLED_APPS: its signal handlers would purge at publish time,
before the commit, a second path beside this one. Only its utilities and backends are used.
If the purge cannot be queued (the broker is down), the change still stands and the CDN's copies
expire by themselves within PAGE_CACHE_CDN_SECONDS.
"""

import logging
import threading

from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)

# Addresses that no page serves, on each site, purged with every change.
SITE_PATHS = ("/sitemap.xml", "/robots.txt")


def configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


class _Purge:
    """What one transaction changed, sent once when it commits (dropped with a rollback)."""

    def __init__(self):
        self.page_ids: set[int] = set()
        self.urls: set[str] = set()
        self.everything = False
        self.ran = False

    def __call__(self):
        self.ran = True
        from .celery import app  # by name: website/tasks.py imports the models, which import us

        page_ids = None if self.everything else sorted(self.page_ids)
        try:
            app.send_task(
                "website.tasks.purge_frontend_cache",
                (page_ids, sorted(self.urls)),
                countdown=settings.CONTENT_VERSION_RECHECK_SECONDS + 1,
            )
        except Exception:
            logger.warning(
                "frontend cache: the purge could not be queued; the CDN's copies expire within "
                "PAGE_CACHE_CDN_SECONDS",
                exc_info=True,
            )


_pending = threading.local()


def purge_after_commit(*, page_ids=(), urls=(), everything: bool = False) -> None:
    """Purge these pages' addresses (or every page's) once the current transaction commits."""
    if not configured():
        return
    purge = getattr(_pending, "purge", None)
    queued = transaction.get_connection().run_on_commit
    if purge is None or purge.ran or not any(callback is purge for _, callback, _ in queued):
        purge = _pending.purge = _Purge()
        _add(purge, page_ids, urls, everything)
        transaction.on_commit(purge)  # at once when not in a transaction
    else:
        _add(purge, page_ids, urls, everything)


def _add(purge: _Purge, page_ids, urls, everything: bool) -> None:
    purge.page_ids.update(page_ids)
    purge.urls.update(urls)
    purge.everything |= everything


def page_urls(page) -> list[str]:
    """Every address of `page` that a cache may hold (now: before it is deleted or renamed)."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_page(page)
    return sorted(batch.urls)


def urls_of_path(url_path: str) -> list[str]:
    """The addresses a page with this url_path had (a moved page's old place)."""
    from wagtail.models import Site

    return [
        root.root_url + url_path[len(root.root_path) - 1 :]
        for root in Site.get_site_root_paths()
        if url_path.startswith(root.root_path)
    ]


def purge(page_ids: list[int] | None, urls: list[str]) -> int:
    """Send the purge (the worker's side): these pages' addresses, or every page's when
    `page_ids` is None, and the addresses no page serves. Returns how many addresses."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page, Site

    batch = PurgeBatch(urls)
    pages = Page.objects.filter(depth__gt=1)  # not Wagtail's root, which has no address
    if page_ids is not None:
        pages = pages.filter(pk__in=page_ids)
    batch.add_pages(pages.specific(defer=True))
    for site in Site.objects.all():
        batch.add_urls(site.root_url + path for path in SITE_PATHS)
    batch.purge()
    return len(batch.urls)
