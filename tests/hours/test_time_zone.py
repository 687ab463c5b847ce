"""The server's clock runs in UTC (as in a container); the practice is in America/Chicago.
Pages answer in the practice's time, through frozen time (time-machine), not passed-in `now`."""

import time
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from .factories import WEEKDAYS_8_TO_5, ClosureFactory, HolidayHoursPageFactory, set_weekly_hours

pytestmark = pytest.mark.django_db

UTC = ZoneInfo("UTC")


@pytest.fixture
def chicago_practice(home_page, settings):
    settings.TIME_ZONE = "America/Chicago"  # what PRACTICE_TIME_ZONE sets
    # Travelling in time moves the clock of an in-process cache; Redis keeps real time.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    set_weekly_hours(WEEKDAYS_8_TO_5)
    HolidayHoursPageFactory(parent=home_page)
    ClosureFactory(label="Thanksgiving", start_date=date(2026, 11, 26), end_date=date(2026, 11, 27))


def page_at(client, moment: datetime, path="/holiday-hours/") -> str:
    # A ZoneInfo destination also sets the process time zone (TZ) to it: the server runs in UTC.
    with time_machine.travel(moment, tick=False):
        assert time.localtime().tm_zone == "UTC"
        return client.get(path).content.decode()


def test_after_closing_in_chicago_while_the_server_clock_says_evening(client, chicago_practice):
    # Friday Nov 20, 22:30 UTC: the server's own clock says 10:30 PM; Chicago says 4:30 PM.
    html = page_at(client, datetime(2026, 11, 20, 22, 30, tzinfo=UTC))
    assert "Open now, closes at 5:00 PM." in html


def test_the_practice_day_not_the_server_day(client, chicago_practice):
    # Thursday Nov 26, 03:00 UTC: the server says Thanksgiving; Chicago is still on Wednesday.
    html = page_at(client, datetime(2026, 11, 26, 3, 0, tzinfo=UTC))
    assert "Closed now.</strong> Opens Monday at 8:00 AM." in html
    assert "Closed today (Thanksgiving)" not in html
    # 06:00 UTC is midnight in Chicago: now it is Thanksgiving there too.
    html = page_at(client, datetime(2026, 11, 26, 6, 0, tzinfo=UTC))
    assert "Closed today (Thanksgiving).</strong> Opens Monday at 8:00 AM." in html


def test_the_banner_counts_practice_days(client, chicago_practice):
    # 14 days before Nov 26 is Nov 12, which starts at 06:00 UTC in Chicago.
    assert "site-notice" not in page_at(client, datetime(2026, 11, 12, 5, 59, tzinfo=UTC), "/")
    assert "site-notice" in page_at(client, datetime(2026, 11, 12, 6, 0, tzinfo=UTC), "/")
    # Gone from the day after the last day, Chicago time: Nov 28 00:00 CST is 06:00 UTC.
    assert "site-notice" in page_at(client, datetime(2026, 11, 28, 5, 59, tzinfo=UTC), "/")
    assert "site-notice" not in page_at(client, datetime(2026, 11, 28, 6, 0, tzinfo=UTC), "/")


def test_practice_time_zone_is_read_when_asked(client, chicago_practice, settings, caching_off):
    # The same moment is 3:30 PM in Los Angeles (open) and 5:30 PM in Chicago (closed).
    moment = datetime(2026, 11, 20, 23, 30, tzinfo=UTC)
    assert "Closed now." in page_at(client, moment)
    settings.TIME_ZONE = "America/Los_Angeles"
    assert "Open now, closes at 5:00 PM." in page_at(client, moment)


def test_a_daylight_saving_change_through_the_site(client, chicago_practice, caching_off):
    # Monday March 9, 2026, the day after clocks sprang forward: 8:00 AM CDT is 13:00 UTC
    # (it was 14:00 UTC the week before, in CST).
    assert "Closed now." in page_at(client, datetime(2026, 3, 9, 12, 59, tzinfo=UTC))
    assert "Open now" in page_at(client, datetime(2026, 3, 9, 13, 0, tzinfo=UTC))
    assert "Closed now." in page_at(client, datetime(2026, 3, 2, 13, 59, tzinfo=UTC))
    assert "Open now" in page_at(client, datetime(2026, 3, 2, 14, 0, tzinfo=UTC))
