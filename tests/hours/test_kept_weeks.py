"""What the hours pages keep between requests (hours_tags.coming_week, saved_schedule.summary):
each office's coming week and its day's summary are kept with the site-wide fragments under the
office's local date, so a save, a closure and midnight show at once, and "Open now" is worked
out at every view. The page cache is off: every request builds its page from what is kept."""

from datetime import UTC, date, datetime, time

import pytest
import time_machine
from django.utils import timezone

from tests.hours.factories import ClosureFactory, HolidayHoursPageFactory
from tests.locations.factories import (
    WEEKDAYS_8_TO_5,
    LocationIndexPageFactory,
    LocationPageFactory,
)
from website import site_memo

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

# Tuesday December 1, 2026 in Chicago (UTC-6).
TUESDAY_NOON = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)
TUESDAY_LATE = datetime(2026, 12, 2, 5, 30, tzinfo=UTC)  # 11:30 PM in Chicago
WEDNESDAY_EARLY = datetime(2026, 12, 2, 6, 30, tzinfo=UTC)  # 12:30 AM in Chicago
TODAY = '<span class="hours-table__now">today</span>'


@pytest.fixture
def offices(home_page):
    with time_machine.travel(TUESDAY_NOON, tick=False):
        HolidayHoursPageFactory(parent=home_page)
        locations_page = LocationIndexPageFactory(parent=home_page)
        downtown = LocationPageFactory(
            parent=locations_page, title="Downtown Chicago", slug="downtown", week=WEEKDAYS_8_TO_5
        )
        new_york = LocationPageFactory(
            parent=locations_page,
            title="Manhattan",
            slug="manhattan",
            time_zone="America/New_York",
            week=WEEKDAYS_8_TO_5,
        )
        return downtown, new_york


def html_at(client, moment: datetime, path: str) -> str:
    with time_machine.travel(moment, tick=False):
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def week_of(html: str, office: str) -> str:
    """The coming-week table under the office's heading on /holiday-hours/."""
    start = html.index(f"The coming week at {office}")
    return html[start : html.index("</table>", start)]


def test_an_office_week_shows_a_new_closure_at_once(client, offices):
    before = week_of(html_at(client, TUESDAY_NOON, "/holiday-hours/"), "Downtown Chicago")
    assert "Thursday, December 3</th>\n      <td>8:00 AM \u2013 5:00 PM</td>" in before
    with time_machine.travel(TUESDAY_NOON, tick=False):
        closure = ClosureFactory(label="Water main repair", start_date=date(2026, 12, 3))

    html = html_at(client, TUESDAY_NOON, "/holiday-hours/")
    closed = "Thursday, December 3</th>\n      <td>Closed (Water main repair)</td>"
    assert closed in week_of(html, "Downtown Chicago")
    assert closed in week_of(html, "Manhattan")

    with time_machine.travel(TUESDAY_NOON, tick=False):
        closure.delete()
    assert closed not in html_at(client, TUESDAY_NOON, "/holiday-hours/")


def test_an_office_week_shows_edited_hours_at_once(client, offices):
    downtown, _ = offices
    html_at(client, TUESDAY_NOON, "/holiday-hours/")
    with time_machine.travel(TUESDAY_NOON, tick=False):
        rows = list(downtown.weekly_hours.all())  # as the admin's Hours tab saves them
        for row in rows:
            if row.weekday == 3:
                row.closes = time(13)
        downtown.weekly_hours = rows
        downtown.save_revision().publish()

    week = week_of(html_at(client, TUESDAY_NOON, "/holiday-hours/"), "Downtown Chicago")
    assert "Thursday, December 3</th>\n      <td>8:00 AM \u2013 1:00 PM</td>" in week
    office_page = html_at(client, TUESDAY_NOON, "/locations/downtown/")
    assert "1:00 PM" in office_page


def test_the_coming_week_moves_on_at_each_office_midnight(client, offices):
    """At 11:30 PM in Chicago it is already Wednesday in New York: each office's week starts
    on its own today, and Chicago's moves on an hour later, with nothing saved."""
    html = html_at(client, TUESDAY_LATE, "/holiday-hours/")
    assert f"Tuesday, December 1 {TODAY}" in week_of(html, "Downtown Chicago")
    assert f"Wednesday, December 2 {TODAY}" in week_of(html, "Manhattan")
    assert "Tuesday, December 1" not in week_of(html, "Manhattan")

    html = html_at(client, WEDNESDAY_EARLY, "/holiday-hours/")
    downtown = week_of(html, "Downtown Chicago")
    assert f"Wednesday, December 2 {TODAY}" in downtown
    assert "Tuesday, December 1" not in downtown
    assert "Tuesday, December 8</th>" in downtown


def test_open_now_is_worked_out_at_every_view(client, offices):
    before_closing = datetime(2026, 12, 1, 22, 30, tzinfo=UTC)  # 4:30 PM in Chicago
    after_closing = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)  # 5:30 PM
    assert "Open now, closes at 5:00 PM." in html_at(client, before_closing, "/locations/downtown/")
    office = html_at(client, after_closing, "/locations/downtown/")
    assert "Closed now." in office
    assert "Opens tomorrow at 8:00 AM." in office


def test_the_office_cards_follow_open_now(client, offices):
    """/locations/ keeps its cards until the earliest status on them stops being true."""

    def downtown_card(moment):
        html = html_at(client, moment, "/locations/")
        start = html.index(">Downtown Chicago</a>")
        return html[start : html.index("Get directions", start)]

    before_closing = datetime(2026, 12, 1, 22, 30, tzinfo=UTC)  # 4:30 PM in Chicago
    assert "Open now, closes at 5:00 PM." in downtown_card(before_closing)
    assert "Open now, closes at 5:00 PM." in downtown_card(before_closing.replace(minute=50))
    after_closing = datetime(2026, 12, 1, 23, 1, tzinfo=UTC)  # 5:01 PM
    card = downtown_card(after_closing)
    assert "Closed now." in card
    assert "Open now" not in card


def test_an_office_page_lists_a_closure_saved_after_it_was_shown(client, offices):
    _, new_york = offices

    def hours_section(path: str) -> str:
        html = html_at(client, TUESDAY_NOON, path)  # the banner names it on every page
        start = html.index('id="location-hours-heading"')
        return html[start : html.index("</section>", start)]

    assert "Staff meeting" not in hours_section("/locations/manhattan/")
    with time_machine.travel(TUESDAY_NOON, tick=False):
        ClosureFactory(label="Staff meeting", start_date=date(2026, 12, 4), offices=[new_york])
    assert "<strong>Staff meeting</strong>" in hours_section("/locations/manhattan/")
    assert "Staff meeting" not in hours_section("/locations/downtown/")


def test_a_day_kept_is_dropped_once_it_has_expired(rf, home_page, settings):
    """A name carrying a date is never asked for again after that day: it does not stay in the
    worker's memory until the next save."""
    request = rf.get("/")
    with time_machine.travel(TUESDAY_NOON, tick=False):
        site_memo.remember(request, "hours-day:practice:2026-12-01", lambda: "Tuesday")
    names = {key[0] for key in site_memo._entries}
    assert "hours-day:practice:2026-12-01" in names
    later = timezone.localtime(TUESDAY_NOON).replace(hour=23, minute=59)
    with time_machine.travel(later, tick=False):
        site_memo.remember(request, "another fragment", lambda: "built")
    names = {key[0] for key in site_memo._entries}
    assert "hours-day:practice:2026-12-01" not in names
    assert "another fragment" in names
