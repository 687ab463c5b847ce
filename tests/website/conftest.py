import pytest


@pytest.fixture
def one_minute_before_closing(settings, home_page):
    """Monday 4:59 PM in Chicago, open weekdays 8 to 5: the footer says "Open now, closes at
    5:00 PM", and stops being true a minute later with nobody saving anything."""
    from zoneinfo import ZoneInfo

    from django.utils import timezone

    from tests.hours.factories import WEEKDAYS_8_TO_5, set_weekly_hours

    settings.TIME_ZONE = "America/Chicago"
    # Travelling in time moves the clock of an in-process cache; Redis keeps real time.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    set_weekly_hours(WEEKDAYS_8_TO_5)
    return timezone.datetime(2026, 11, 23, 16, 59, tzinfo=ZoneInfo("America/Chicago"))


@pytest.fixture
def site_memo_on(settings):
    """As in production: each worker keeps site-wide fragments (website/site_memo.py)."""
    from django.core.cache import cache

    from website import site_memo

    settings.SITE_MEMO_SECONDS = 300
    cache.clear()
    site_memo.forget_all()
    yield
    site_memo.forget_all()
    cache.clear()
