"""The front desk in Chromium: from the inbox to "Scheduled" in one step."""

from pathlib import Path

import pytest

from appointments.models import AppointmentRequest
from tests.accounts.factories import browser_signed_in

from .factories import AppointmentRequestFactory, user_in_group

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parents[3] / "staff-shots"


def test_new_to_scheduled_in_one_step_from_the_inbox(page, live_server, home_page):
    jane = AppointmentRequestFactory(first_name="Jane", last_name="Doe", phone="+13125550177")
    AppointmentRequestFactory(first_name="Sam", last_name="Lee", preferred_contact="text")
    browser_signed_in(page, live_server, user_in_group("maria", "Front desk"))
    page.goto(live_server.url + "/admin/appointment-requests/")
    page.get_by_role("link", name="(312) 555-0177").wait_for()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "inbox-list.png"), full_page=True)

    page.get_by_role("link", name="Jane Doe").click()
    page.get_by_label("Scheduled").check()
    page.get_by_role("textbox", name="Add a note").fill("Booked Tuesday 10 am after one call.")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(live_server.url + "/admin/appointment-requests/")

    jane = AppointmentRequest.objects.get(pk=jane.pk)
    assert jane.status == "scheduled"
    assert [n.text for n in jane.notes.all()] == ["Booked Tuesday 10 am after one call."]
