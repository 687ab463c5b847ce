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
