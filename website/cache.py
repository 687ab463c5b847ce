"""One hook for "something every page shows has changed".

Some content appears on every public page rather than on one: the opening hours in the footer,
the holiday banner, the clinic's JSON-LD. When staff save it, `invalidate_site_wide(reason)` is
called once, after the save has committed, and sends `site_wide_content_changed`. Whatever
caches whole pages (a page cache, a CDN purge) connects a receiver to that signal and drops
every cached page. Nothing in this project caches pages in-process today, so the signal is the
whole contract.
"""

import logging

from django.db import transaction
from django.dispatch import Signal

logger = logging.getLogger(__name__)

# Sent with sender=<the model class that changed> and reason=<a short text for the log>.
site_wide_content_changed = Signal()


def invalidate_site_wide(sender, reason: str) -> None:
    """Announce a site-wide change once the current transaction (if any) has committed, so a
    receiver that rebuilds a page sees the saved data, never the data before it."""

    def send() -> None:
        logger.info("Site-wide content changed: %s", reason)
        site_wide_content_changed.send(sender=sender, reason=reason)

    transaction.on_commit(send)
