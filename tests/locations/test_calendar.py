"""Each office's closures calendar (/locations/<slug>/closures.ics) and the practice's
(/holiday-hours/closures.ics, every office): the entries that apply, stable UIDs of their own."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from icalendar import Calendar

from tests.hours.factories import ClosureFactory, HolidayHoursPageFactory

from .factories import LocationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def feeds(home_page, locations_page, settings):
    settings.SITE_URL = "https://www.example-practice.com"
    with time_machine.travel(datetime(2026, 11, 20, 15, 0, tzinfo=UTC), tick=False):
        HolidayHoursPageFactory(parent=home_page)
        downtown = LocationPageFactory(parent=locations_page, title="Downtown", slug="downtown")
        oak_park = LocationPageFactory(parent=locations_page, title="Oak Park", slug="oak-park")
        thanksgiving = ClosureFactory(label="Thanksgiving", start_date=date(2026, 11, 26))
        training = ClosureFactory(
            label="Training", start_date=date(2026, 12, 2), offices=[oak_park]
        )
        yield {"downtown": downtown, "oak_park": oak_park, "ids": (thanksgiving.pk, training.pk)}


def events_of(client, path: str) -> dict[str, str]:
    with time_machine.travel(datetime(2026, 11, 20, 15, 0, tzinfo=UTC), tick=False):
        response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(e["UID"]): str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}


def test_an_office_feed_has_its_closures_and_the_practice_feed_has_all(client, feeds):
    thanksgiving, training = feeds["ids"]
    host = "www.example-practice.com"
    oak_park = feeds["oak_park"]
    at_oak_park = f"office-{oak_park.pk}@{host}"
    assert events_of(client, "/locations/oak-park/closures.ics") == {
        f"closure-{thanksgiving}-{at_oak_park}": "Thanksgiving: Test Spine Clinic, Oak Park closed",
        f"closure-{training}-{at_oak_park}": "Training: Test Spine Clinic, Oak Park closed",
    }
    at_downtown = f"office-{feeds['downtown'].pk}@{host}"
    assert events_of(client, "/locations/downtown/closures.ics") == {
        f"closure-{thanksgiving}-{at_downtown}": "Thanksgiving: Test Spine Clinic, Downtown closed",
    }
    assert events_of(client, "/holiday-hours/closures.ics") == {
        f"closure-{thanksgiving}@{host}": "Thanksgiving: Test Spine Clinic closed",
        f"closure-{training}@{host}": "Training: Test Spine Clinic closed (Oak Park)",
    }


def test_each_location_page_links_its_feed(client, feeds):
    html = client.get("/locations/oak-park/").content.decode()
    assert 'href="webcal://www.example-practice.com/locations/oak-park/closures.ics"' in html
    index = client.get("/locations/").content.decode()
    assert 'href="/holiday-hours/closures.ics"' in index
