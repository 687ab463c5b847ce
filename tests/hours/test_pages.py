"""What the public site shows with frozen time: the hours page, the banner, the footer, the
JSON-LD and the calendar feed, all from one entry by staff."""

from datetime import UTC, date, datetime, time

import pytest
import time_machine
from icalendar import Calendar

from hours.models import HolidayHoursPage, HoursSettings
from tests.website.factories import StandardPageFactory
from tests.website.test_structured_data import graph_of

from .factories import (
    WEEKDAYS_8_TO_5,
    ClosureFactory,
    HolidayHoursPageFactory,
    set_weekly_hours,
)

pytestmark = pytest.mark.django_db

# Friday November 20, 2026, 9:00 AM in Chicago.
FRIDAY_MORNING = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


@pytest.fixture
def frozen():
    with time_machine.travel(FRIDAY_MORNING, tick=False) as traveller:
        yield traveller


@pytest.fixture
def hours_site(home_page, frozen):
    set_weekly_hours(WEEKDAYS_8_TO_5)
    page = HolidayHoursPageFactory(parent=home_page)
    thanksgiving = ClosureFactory(
        label="Thanksgiving",
        start_date=date(2026, 11, 26),
        end_date=date(2026, 11, 27),
        note="In an emergency, call 911.",
    )
    christmas_eve = ClosureFactory(
        label="Christmas Eve", start_date=date(2026, 12, 24), hours=[(time(8), time(12))]
    )
    return {"page": page, "thanksgiving": thanksgiving, "christmas_eve": christmas_eve}


def html_of(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_hours_page_shows_status_closures_and_the_week(client, hours_site, settings):
    settings.SITE_URL = "https://www.example-practice.com"
    html = html_of(client, "/holiday-hours/")
    assert "Open now, closes at 5:00 PM." in html
    assert "Thanksgiving" in html
    assert "Thursday, November 26 \u2013 Friday, November 27" in html
    assert "In an emergency, call 911." in html
    assert "Christmas Eve" in html and "8:00 AM \u2013 12:00 PM" in html
    assert '<th scope="row">Monday</th>' in html
    assert 'Friday <span class="hours-table__now">today</span>' in html
    # Subscribe (webcal) and copy links use the public address, whatever host served the page.
    assert 'href="webcal://www.example-practice.com/holiday-hours/closures.ics"' in html
    assert ">https://www.example-practice.com/holiday-hours/closures.ics</code>" in html


def test_past_closures_drop_off_by_themselves(client, hours_site, frozen):
    frozen.move_to(datetime(2026, 11, 28, 15, 0, tzinfo=UTC))
    html = html_of(client, "/holiday-hours/")
    assert "Thanksgiving" not in html
    assert "Christmas Eve" in html


def test_a_save_shows_on_the_next_request(client, hours_site):
    assert "Veterans Day" not in html_of(client, "/holiday-hours/")
    ClosureFactory(label="Veterans Day", start_date=date(2026, 11, 23))
    assert "Veterans Day" in html_of(client, "/holiday-hours/")


def test_banner_on_every_public_page_links_to_the_hours_page(client, hours_site, home_page):
    other = StandardPageFactory(parent=home_page, slug="about", title="About us")
    for path in ["/", other.url, "/holiday-hours/"]:
        html = html_of(client, path)
        assert '<section class="site-notice" aria-label="Holiday hours">' in html
        assert "View our Holiday Hours to see when we&#x27;re closed this season." in html
        assert (
            "<strong>Closed Thursday, November 26 \u2013 Friday, November 27 (Thanksgiving)."
            '</strong> <a href="/holiday-hours/">Holiday hours</a>' in html
        )


def test_banner_wording_days_ahead_and_switch(client, hours_site):
    hours = HoursSettings.for_site(hours_site["page"].get_site())
    hours.banner_message = "Closed for Thanksgiving: see the dates."
    hours.banner_days_ahead = 5  # Nov 26 minus 5 days is Saturday the 21st; today is the 20th
    hours.save()
    assert "site-notice" not in html_of(client, "/")
    hours.banner_days_ahead = 6
    hours.save()
    assert "Closed for Thanksgiving: see the dates." in html_of(client, "/")
    hours.banner_enabled = False
    hours.save()
    assert "site-notice" not in html_of(client, "/")


def test_banner_without_an_hours_page_still_warns(client, hours_site):
    hours_site["page"].unpublish()
    html = html_of(client, "/")
    assert "View our Holiday Hours" in html
    assert "/holiday-hours/" not in html


def test_footer_shows_todays_status_and_the_week(client, hours_site):
    html = html_of(client, "/")
    footer = html[html.index('<footer class="site-footer">') :]
    assert "Open now, closes at 5:00 PM." in footer
    assert "Monday \u2013 Friday" in footer and "Saturday \u2013 Sunday" in footer
    assert 'href="/holiday-hours/">Holiday hours and closures</a>' in footer


def test_footer_says_nothing_until_hours_are_entered(client, home_page, frozen):
    html = html_of(client, "/")
    assert "site-footer__hours" not in html


def clinic_of(client, path):
    graph = graph_of(client.get(path))
    return next(node for node in graph["@graph"] if node["@type"] == "MedicalClinic")


@pytest.mark.parametrize("path", ["/", "/holiday-hours/"])
def test_json_ld_carries_regular_hours_and_the_closure(client, hours_site, path):
    clinic = clinic_of(client, path)
    assert clinic["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
            "opens": "08:00",
            "closes": "17:00",
        }
    ]
    special = clinic["specialOpeningHoursSpecification"]
    assert {
        "@type": "OpeningHoursSpecification",
        "name": "Thanksgiving",
        "validFrom": "2026-11-26",
        "validThrough": "2026-11-27",
        "opens": "00:00",
        "closes": "00:00",
    } in special
    assert {
        "@type": "OpeningHoursSpecification",
        "name": "Christmas Eve",
        "validFrom": "2026-12-24",
        "validThrough": "2026-12-24",
        "opens": "08:00",
        "closes": "12:00",
    } in special


def test_hours_page_json_ld_describes_the_page_about_the_clinic(client, hours_site, settings):
    graph = graph_of(client.get("/holiday-hours/"))
    [webpage] = [node for node in graph["@graph"] if node["@type"] == "WebPage"]
    assert webpage["url"] == f"{settings.SITE_URL}/holiday-hours/"
    assert webpage["about"] == {"@id": f"{settings.SITE_URL}/#clinic"}


def feed_of(client) -> Calendar:
    response = client.get("/holiday-hours/closures.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_calendar_feed_has_one_all_day_event_per_closure(client, hours_site, settings):
    ClosureFactory(label="Long gone", start_date=date(2026, 7, 3))
    calendar = feed_of(client)
    events = calendar.walk("VEVENT")
    assert len(events) == 2  # the past closure is not in it
    thanksgiving, christmas_eve = events
    assert str(thanksgiving["SUMMARY"]) == "Thanksgiving: Test Spine Clinic closed"
    assert thanksgiving.decoded("DTSTART") == date(2026, 11, 26)
    assert thanksgiving.decoded("DTEND") == date(2026, 11, 28)  # exclusive: through the 27th
    assert "In an emergency, call 911." in str(thanksgiving["DESCRIPTION"])
    assert str(christmas_eve["SUMMARY"]) == (
        "Christmas Eve: Test Spine Clinic open 8:00 AM \u2013 12:00 PM"
    )
    assert str(calendar["X-WR-CALNAME"]).startswith("Test Spine Clinic")
    assert str(thanksgiving["URL"]) == f"{settings.SITE_URL}/holiday-hours/"


def test_calendar_event_ids_survive_edits(client, hours_site):
    before = {str(e["UID"]) for e in feed_of(client).walk("VEVENT")}
    closure = hours_site["thanksgiving"]
    closure.label = "Thanksgiving break"
    closure.end_date = date(2026, 11, 29)
    closure.save()
    after = feed_of(client).walk("VEVENT")
    assert {str(e["UID"]) for e in after} == before
    assert len(before) == 2


def test_calendar_feed_is_only_there_for_a_live_page(client, hours_site):
    assert client.get("/holiday-hours/other.ics").status_code == 404
    hours_site["page"].unpublish()
    assert client.get("/holiday-hours/closures.ics").status_code == 404


def test_page_tree_rules(home_page):
    about = StandardPageFactory(parent=home_page)
    assert HolidayHoursPage.can_create_at(home_page)
    assert not HolidayHoursPage.can_create_at(about)
    HolidayHoursPageFactory(parent=home_page)
    assert not HolidayHoursPage.can_create_at(home_page)  # one per site
