"""The locations page and each office's page, with frozen time: address, phone, directions,
today's status per office, closures for every office or only the ticked ones."""

from datetime import UTC, date, datetime, time

import pytest
import time_machine

from tests.hours.factories import ClosureFactory

from .factories import SATURDAY_MORNING, WEEKDAYS_8_TO_5, LocationPageFactory

pytestmark = pytest.mark.django_db

# Friday November 20, 2026, 9:00 AM in Chicago.
FRIDAY_MORNING = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


@pytest.fixture
def frozen():
    with time_machine.travel(FRIDAY_MORNING, tick=False) as traveller:
        yield traveller


@pytest.fixture
def offices(locations_page, frozen):
    downtown = LocationPageFactory(
        parent=locations_page,
        title="Downtown Chicago",
        slug="downtown",
        street_address="1200 W. Example Avenue, Suite 300",
        postal_code="60607",
        week={day: [(time(8), time(12)), (time(13), time(17))] for day in range(5)},
        parking="Garage under the building, validated at the front desk.",
    )
    oak_park = LocationPageFactory(
        parent=locations_page,
        title="Oak Park",
        slug="oak-park",
        street_address="45 Example Street",
        locality="Oak Park",
        postal_code="60302",
        phone="(708) 555-0199",
        week={**WEEKDAYS_8_TO_5, **SATURDAY_MORNING},
    )
    return downtown, oak_park


def html_of(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def main_of(client, path: str) -> str:
    """The page's own content: the banner above it and the footer (the main office's hours)
    below it left out."""
    html = html_of(client, path)
    return html[html.index("<main") : html.index('<footer class="site-footer">')]


def test_locations_page_lists_every_office_with_address_phone_and_status(client, offices):
    html = main_of(client, "/locations/")
    assert html.index("Downtown Chicago") < html.index("Oak Park")
    assert "1200 W. Example Avenue, Suite 300<br>Chicago, IL 60607" in html
    assert "45 Example Street<br>Oak Park, IL 60302" in html
    assert 'href="tel:+17085550199">(708) 555-0199</a>' in html
    assert html.count("Open now, closes at 12:00 PM.") == 1  # downtown's lunch break
    assert html.count("Open now, closes at 5:00 PM.") == 1
    assert 'href="/locations/oak-park/"' in html


def test_directions_link_to_the_exact_street_address(client, offices):
    html = html_of(client, "/locations/oak-park/")
    assert (
        'href="https://www.google.com/maps/dir/?api=1&amp;destination='
        '45+Example+Street%2C+Oak+Park%2C+IL+60302"' in html
    )
    assert "<iframe" not in html and "<script src" not in html


def test_a_closure_for_one_office_closes_only_that_one(client, offices, frozen):
    _, oak_park = offices
    ClosureFactory(label="Staff training day", start_date=date(2026, 11, 20), offices=[oak_park])
    html = main_of(client, "/locations/")
    assert html.count("Closed today (Staff training day).") == 1
    assert "Open now, closes at 12:00 PM." in html
    downtown_html = main_of(client, "/locations/downtown/")
    assert "Open now, closes at 12:00 PM." in downtown_html
    assert "<strong>Staff training day</strong>" not in downtown_html  # not in its closures
    oak_park_html = html_of(client, "/locations/oak-park/")
    assert "Closed today (Staff training day).</strong> Opens tomorrow at 9:00 AM." in oak_park_html
    assert "<strong>Staff training day</strong>" in oak_park_html


def test_a_closure_for_every_office_closes_them_all(client, offices):
    ClosureFactory(label="Thanksgiving", start_date=date(2026, 11, 20))
    assert main_of(client, "/locations/").count("Closed today (Thanksgiving).") == 2


def test_location_page_shows_hours_closures_to_come_and_getting_here(
    client, offices, frozen, caching_off
):
    """The clock moves forward below: Redis keeps a page by real time, so caches are off (see
    `caching_off` in tests/conftest.py)."""
    ClosureFactory(label="Thanksgiving", start_date=date(2026, 11, 26), end_date=date(2026, 11, 27))
    html = html_of(client, "/locations/downtown/")
    assert "8:00 AM \u2013 12:00 PM, 1:00 PM \u2013 5:00 PM" in html
    assert "<strong>Thanksgiving</strong>, Thursday, November 26 \u2013 Friday, November 27" in html
    assert "Garage under the building" in html
    assert "Building access" not in html  # nothing entered, no empty heading
    frozen.move_to(datetime(2026, 11, 28, 15, 0, tzinfo=UTC))
    assert "Thanksgiving" not in main_of(client, "/locations/downtown/")


def test_an_office_in_another_time_zone_answers_in_its_own(client, offices):
    _, oak_park = offices
    oak_park.time_zone = "America/New_York"  # 10:00 AM there when it is 9:00 AM in Chicago
    oak_park.save_revision().publish()
    LocationPageFactory(
        parent=oak_park.get_parent(),
        title="Early bird",
        slug="early-bird",
        time_zone="America/New_York",
        week={4: [(time(6), time(9, 30))]},
    )
    assert "Closed now" in html_of(client, "/locations/early-bird/")


def test_offices_are_in_the_sitemap_with_canonical_and_open_graph(client, offices, settings):
    settings.SITE_URL = "https://www.example-practice.com"
    sitemap = client.get("/sitemap.xml").content.decode()
    for path in ["/locations/", "/locations/downtown/", "/locations/oak-park/"]:
        assert f"<loc>https://www.example-practice.com{path}</loc>" in sitemap
    html = html_of(client, "/locations/oak-park/")
    assert (
        '<link rel="canonical" href="https://www.example-practice.com/locations/oak-park/">' in html
    )
    assert '<meta property="og:title" content="Oak Park' in html
