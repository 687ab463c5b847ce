"""The banner and the hours page in Chromium: the banner shows and leads to the page, it is a
labelled region that neither traps nor covers focus, it fits a 320px phone and stays off paper;
axe-core finds nothing on the hours page."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from tests.harness.browser import assert_no_axe_violations, assert_no_sideways_scroll

from .factories import (
    WEEKDAYS_WITH_LUNCH,
    ClosureFactory,
    HolidayHoursPageFactory,
    set_weekly_hours,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def hours_site(home_page):
    """A closure starting in three days, with the real clock (the browser runs in real time)."""
    today = timezone.localdate()
    set_weekly_hours(WEEKDAYS_WITH_LUNCH)
    HolidayHoursPageFactory(parent=home_page)
    ClosureFactory(
        label="Thanksgiving",
        start_date=today + timedelta(days=3),
        end_date=today + timedelta(days=4),
        note="In an emergency, call 911.",
    )
    ClosureFactory(
        label="Staff training",
        start_date=today + timedelta(days=10),
        hours=[(time(10), time(14))],
    )
    return home_page


def test_banner_shows_and_its_link_leads_to_the_hours_page(page, live_server, hours_site):
    page.goto(live_server.url + "/")
    banner = page.get_by_role("region", name="Holiday hours")
    assert banner.is_visible()
    assert "View our Holiday Hours" in banner.inner_text()
    assert "(Thanksgiving)." in banner.inner_text()  # "Closed <dates> (Thanksgiving)."
    banner.get_by_role("link", name="Holiday hours").click()
    page.wait_for_url(live_server.url + "/holiday-hours/")
    assert page.locator("h1").inner_text() == "Holiday hours"
    closures = page.get_by_role("table", name="Upcoming closures and special hours")
    assert "Thanksgiving" in closures.inner_text() and "Staff training" in closures.inner_text()


def test_hours_page_has_no_axe_violations(page, live_server, hours_site):
    page.goto(live_server.url + "/holiday-hours/")
    assert page.get_by_role("region", name="Holiday hours").is_visible()
    assert_no_axe_violations(page)


def test_banner_neither_traps_nor_covers_focus(page, live_server, hours_site):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.site-notice') !== null")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('site-header__brand')")
    # In the page's flow, not stuck over it: scrolling takes it away with the page.
    assert page.locator(".site-notice").evaluate("e => getComputedStyle(e).position") == "static"


def test_banner_and_hours_page_fit_a_phone(phone_page, live_server, hours_site):
    for path in ["/", "/holiday-hours/"]:
        phone_page.goto(live_server.url + path)
        assert phone_page.get_by_role("region", name="Holiday hours").is_visible()
        assert_no_sideways_scroll(phone_page)


def test_banner_is_not_printed(page, live_server, hours_site):
    page.goto(live_server.url + "/holiday-hours/")
    page.emulate_media(media="print")
    assert not page.locator(".site-notice").is_visible()
    assert page.get_by_role("table", name="Upcoming closures and special hours").is_visible()
