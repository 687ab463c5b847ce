"""The new pages in Chromium at a phone's width (390 px) and a desktop's (1280 px): axe-core
finds no WCAG 2.2 AA violation, nothing scrolls sideways; the directions link is a plain link."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from tests.harness.browser import assert_no_axe_violations, assert_no_sideways_scroll
from tests.hours.factories import ClosureFactory, HolidayHoursPageFactory
from tests.physicians.factories import PhysicianIndexPageFactory, PhysicianPageFactory

from .factories import (
    SATURDAY_MORNING,
    WEEKDAYS_8_TO_5,
    LocationIndexPageFactory,
    LocationPageFactory,
)
from .test_contact import ContactPageFactory

pytestmark = pytest.mark.browser

PATHS = [
    "/locations/",
    "/locations/downtown/",
    "/locations/oak-brook/",
    "/contact/",
    "/holiday-hours/",
]


@pytest.fixture
def offices_site(home_page):
    index = LocationIndexPageFactory(parent=home_page)
    HolidayHoursPageFactory(parent=home_page)
    ContactPageFactory(parent=home_page)
    downtown = LocationPageFactory(
        parent=index, title="Downtown Chicago", slug="downtown", week=WEEKDAYS_8_TO_5,
        parking="Garage under the building.", building_access="Step-free entrance; elevators.",
    )  # fmt: skip
    oak_brook = LocationPageFactory(
        parent=index, title="Oak Brook", slug="oak-brook",
        week={0: [(time(9), time(12)), (time(13), time(17))], **SATURDAY_MORNING},
    )  # fmt: skip
    physicians = PhysicianIndexPageFactory(parent=home_page)
    weber = PhysicianPageFactory(parent=physicians, slug="weber", short_name="Dr. Weber")
    weber.locations.set([downtown, oak_brook])
    weber.save_revision().publish()
    ClosureFactory(
        label="Staff training day",
        start_date=timezone.localdate() + timedelta(days=2),
        offices=[oak_brook],
    )
    return home_page


@pytest.fixture
def phone_390(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    yield context.new_page()
    context.close()


def test_new_pages_have_no_axe_violations_on_a_desktop(page, live_server, offices_site):
    for path in PATHS:
        page.goto(live_server.url + path)
        assert_no_axe_violations(page)


def test_new_pages_have_no_axe_violations_on_a_phone(phone_390, live_server, offices_site):
    for path in PATHS:
        phone_390.goto(live_server.url + path)
        assert_no_sideways_scroll(phone_390)
        assert_no_axe_violations(phone_390)


def test_directions_open_the_exact_address_with_nothing_loaded_from_elsewhere(
    page, live_server, offices_site
):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_server.url + "/locations/downtown/")
    link = page.get_by_role("link", name="Get directions", exact=True)
    assert "destination=" in link.get_attribute("href")
    assert all(url.startswith(live_server.url) for url in requested), requested
