"""What every page shows of the offices: the holiday banner naming the office a closure is for,
/holiday-hours/ with each office's coming week, the footer with the main office."""

from datetime import UTC, date, datetime, time

import pytest
import time_machine

from tests.hours.factories import ClosureFactory, HolidayHoursPageFactory

from .factories import SATURDAY_MORNING, WEEKDAYS_8_TO_5, LocationPageFactory

pytestmark = pytest.mark.django_db

# Tuesday December 1, 2026, noon in Chicago.
TUESDAY_NOON = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)


@pytest.fixture
def offices(locations_page, home_page):
    with time_machine.travel(TUESDAY_NOON, tick=False):
        HolidayHoursPageFactory(parent=home_page)
        downtown = LocationPageFactory(
            parent=locations_page, title="Downtown Chicago", slug="downtown", week=WEEKDAYS_8_TO_5
        )
        oak_park = LocationPageFactory(
            parent=locations_page,
            title="Oak Park",
            slug="oak-park",
            street_address="45 Example Street",
            locality="Oak Park",
            postal_code="60302",
            week={**WEEKDAYS_8_TO_5, **SATURDAY_MORNING},
        )
        ClosureFactory(label="Staff training day", start_date=date(2026, 12, 2), offices=[oak_park])
        ClosureFactory(
            label="Christmas Eve", start_date=date(2026, 12, 3), hours=[(time(8), time(12))]
        )
        yield downtown, oak_park


def html_of(client, path: str) -> str:
    with time_machine.travel(TUESDAY_NOON, tick=False):
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_the_banner_says_what_happens_and_where(client, offices):
    html = html_of(client, "/")
    banner = html[html.index('<section class="site-notice"') : html.index("</section>")]
    assert (
        "<strong>Closed Wednesday, December 2 at Oak Park (Staff training day).</strong>" in banner
    )
    assert "<strong>Open 8 AM\u2013noon on Thursday, December 3 (Christmas Eve).</strong>" in banner
    assert 'href="/holiday-hours/">Holiday hours</a>' in banner


def test_holiday_hours_shows_each_office_coming_week_with_real_dates(client, offices):
    html = html_of(client, "/holiday-hours/")
    week = html[html.index('id="hours-week-heading"') : html.index('id="hours-closures-heading"')]
    downtown = week[week.index(">Downtown Chicago<") : week.index(">Oak Park<")]
    oak_park = week[week.index(">Oak Park<") :]
    tomorrow = '<th scope="row">Wednesday, December 2</th>\n      <td>{}</td>'
    assert tomorrow.format("8:00 AM \u2013 5:00 PM") in downtown
    assert tomorrow.format("Closed (Staff training day)") in oak_park
    assert "Saturday, December 5</th>\n      <td>9:00 AM \u2013 12:00 PM</td>" in oak_park
    assert "Saturday, December 5</th>\n      <td>Closed</td>" in downtown
    assert 'Tuesday, December 1 <span class="hours-table__now">today</span>' in downtown
    closures = html[html.index('id="hours-closures-heading"') :]
    assert "Oak Park only" in closures


def test_the_footer_shows_the_main_office_and_a_link_to_all(client, offices):
    html = html_of(client, "/")
    footer = html[html.index('<footer class="site-footer">') :]
    assert '<a href="/locations/downtown/">Downtown Chicago</a>' in footer
    assert "Oak Park" not in footer
    assert '<a href="/locations/">All our locations</a>' in footer
    assert "Open now, closes at 5:00 PM." in footer
    assert '<h2 class="site-footer__heading">Hours: Downtown Chicago</h2>' in footer
    hours_page = html_of(client, "/holiday-hours/")
    assert "At Downtown Chicago, our main office." in hours_page
