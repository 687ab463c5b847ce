"""Tells the page cache when a page showing hours goes stale by the clock alone.

"Open now, closes at 5:00 PM" stops being true at 5:00 PM, and the holiday banner's window moves
at midnight, with nobody saving anything. The status knows when its words stop being true
(`valid_until`), so no cached page is kept past that moment.
"""

from datetime import datetime

from wagtail.models import Site

from .models.saved_schedule import schedule_for_site


def next_change(now: datetime) -> datetime | None:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    return schedule_for_site(site, now).status(now).valid_until
