"""The front desk's day: one step from "new" to scheduled or declined (with the reason), notes
as a timeline with author and time, a history that says what changed, and a list that shows
what the desk decides on, with tap-to-call and mail links."""

import re

import pytest
from django.core import mail  # noqa: F401 (the staff email is built, not sent, here)

from appointments.emails import staff_notification
from appointments.models import AppointmentRequest

from .factories import AppointmentRequestFactory
from .test_admin import INDEX, edit_url, jane, logged  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def test_new_to_scheduled_in_one_step(client, front_desk, jane):  # noqa: F811
    html = client.get(edit_url(jane)).content.decode()
    assert 'value="scheduled"' in html and 'value="declined"' in html
    response = client.post(edit_url(jane), {"status": "scheduled", "new_note": ""})
    assert response.status_code == 302
    jane.refresh_from_db()
    assert jane.status == "scheduled"
    [change] = logged(jane, "appointments.status")
    assert change.data == {"from": "new", "to": "scheduled"}


def test_declining_asks_for_the_reason(client, front_desk, jane):  # noqa: F811
    response = client.post(edit_url(jane), {"status": "declined", "decline_reason": ""})
    assert response.status_code == 200
    assert "Say why the request is declined" in response.content.decode()
    jane.refresh_from_db()
    assert jane.status == "new"

    reason = "We do not treat migraines; referred to neurology."
    response = client.post(edit_url(jane), {"status": "declined", "decline_reason": reason})
    assert response.status_code == 302
    jane.refresh_from_db()
    assert jane.status == "declined" and jane.decline_reason == reason
    history = client.get(f"{INDEX}history/{jane.pk}/").content.decode()
    assert "Status changed from New to Declined" in history


def test_notes_are_a_timeline_never_overwritten(client, front_desk, jane):  # noqa: F811
    client.post(edit_url(jane), {"status": "contacted", "new_note": "Left a voicemail."})
    client.post(edit_url(jane), {"status": "contacted", "new_note": "She called back."})
    notes = list(jane.notes.order_by("written_at"))
    assert [n.text for n in notes] == ["Left a voicemail.", "She called back."]
    assert all(n.author == front_desk for n in notes)
    html = client.get(edit_url(jane)).content.decode()
    assert html.index("Left a voicemail.") > html.index("She called back.")  # newest first
    assert front_desk.get_username() in html or front_desk.get_full_name() in html
    assert logged(jane, "appointments.note").count() == 2
    history = client.get(f"{INDEX}history/{jane.pk}/").content.decode()
    assert "Note added" in history
    assert "Left a voicemail." not in history  # the history says what changed, not the words


def test_the_list_shows_what_the_desk_decides_on(client, front_desk, jane):  # noqa: F811
    AppointmentRequestFactory(first_name="Text", preferred_contact="text")
    html = client.get(INDEX).content.decode()
    headings = [
        re.sub(r"\s+", " ", h).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", html, re.S)
    ]
    headings = [re.sub(r"<[^>]+>", "", h).strip() for h in headings]
    for heading in ["Received", "Status", "Preferred contact", "Preferred days",
                    "Preferred times", "New or returning", "Captcha"]:  # fmt: skip
        assert heading in headings, headings
    assert 'href="tel:+13125550177"' in html
    assert 'href="mailto:jane@example.com"' in html
    assert "Text message" in html


def test_the_staff_email_links_to_where_the_desk_works_the_request(jane):  # noqa: F811
    message = staff_notification(jane, ["desk@example.com"])
    assert f"/admin/appointment-requests/edit/{jane.pk}/" in message.body
    assert AppointmentRequest.objects.count() == 1


def test_the_list_names_the_office_each_patient_prefers(
    client, front_desk, home_page, content_version_held
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.locations.factories import LocationIndexPageFactory, LocationPageFactory

    offices = LocationIndexPageFactory(parent=home_page)
    oak_brook = LocationPageFactory(parent=offices, title="Oak Brook")
    AppointmentRequestFactory(first_name="Near", preferred_location=oak_brook)
    AppointmentRequestFactory(first_name="Anywhere")

    def list_queries() -> int:
        client.get(INDEX)  # what is kept site-wide is built again after a save; not counted
        with CaptureQueriesContext(connection) as captured:
            html = client.get(INDEX).content.decode()
        assert "Oak Brook" in html and "Any office" in html
        return len(captured)

    few = list_queries()
    for n in range(10):
        AppointmentRequestFactory(first_name=f"More {n}", preferred_location=oak_brook)
    assert list_queries() == few  # the offices are read with the requests, not one by one
