"""What the patient gets back: a reference that cannot be guessed (not the database id), on the
thank-you page and in the receipt, searchable in the inbox; a signed one-use link to withdraw
the request; and wording that follows the contact method chosen and the practice's calendar."""

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import signing

from appointments.emails import patient_confirmation
from appointments.models import AppointmentRequest
from appointments.promise import contact_promise
from hours.schedule import DatedHours, Interval, Schedule
from tests.accounts.factories import login_verified

from .conftest import submit
from .factories import AppointmentRequestFactory, user_in_group

pytestmark = pytest.mark.django_db

CHICAGO = ZoneInfo("America/Chicago")
WEEKDAYS_9_TO_5 = {day: [Interval(time(9), time(17))] for day in range(5)}


def test_each_request_gets_a_reference_that_is_not_its_id(home_page):
    first, second = AppointmentRequestFactory(), AppointmentRequestFactory()
    for appointment in (first, second):
        assert re.fullmatch(r"[A-HJ-NP-Z2-9]{8}", appointment.reference)
    assert first.reference != second.reference
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", first.reference_display)


def test_the_thank_you_page_and_the_receipt_give_the_reference(client, appointment_page):
    response = client.get(submit(client, appointment_page)["Location"])
    appointment = AppointmentRequest.objects.get()
    html = response.content.decode()
    assert appointment.reference_display in html
    assert "We will call you" in html
    body = patient_confirmation(appointment).body
    assert appointment.reference_display in body
    assert "We will call you" in body


def test_a_thank_you_link_made_up_shows_no_reference(client, appointment_page):
    submit(client, appointment_page)
    html = client.get(appointment_page.thank_you_url() + "?r=1").content.decode()
    assert AppointmentRequest.objects.get().reference_display not in html
    assert "Thank you. We have your request." in html


def test_the_desk_finds_a_request_by_its_reference(client, home_page):
    jane = AppointmentRequestFactory(first_name="Jane", last_name="Doe")
    AppointmentRequestFactory(first_name="Someone", last_name="Else")
    login_verified(client, user_in_group("maria", "Front desk"))
    typed = jane.reference_display.lower()
    html = client.get("/admin/appointment-requests/", {"q": typed}).content.decode()
    assert "Jane Doe" in html and "Someone Else" not in html


def withdraw_link(appointment) -> str:
    body = patient_confirmation(appointment).body
    return (
        re.search(r"https?://\S+/withdraw/\S+/", body).group(0).split("://", 1)[1].split("/", 1)[1]
    )


def test_the_patient_withdraws_with_the_link_in_the_receipt_once(client, appointment_page):
    submit(client, appointment_page)
    appointment = AppointmentRequest.objects.get()
    path = "/" + withdraw_link(appointment)

    page = client.get(path)
    html = page.content.decode()
    assert page.status_code == 200 and "Withdraw your request" in html
    for typed in ["Jane", "Doe", "555-0177", "jane.doe", "Aching"]:
        assert typed not in html
    appointment.refresh_from_db()
    assert appointment.status == "new"  # opening the link (or a mail scanner) changes nothing

    done = client.post(path)
    assert done.status_code == 200 and "withdrawn" in done.content.decode()
    appointment.refresh_from_db()
    assert appointment.status == "withdrawn"

    again = client.post(path).content.decode()
    assert "already withdrawn" in again

    login_verified(client, user_in_group("maria", "Front desk"))
    inbox = client.get("/admin/appointment-requests/").content.decode()
    assert "Withdrawn by the patient" in inbox


def test_a_tampered_or_expired_withdraw_link_does_nothing(client, appointment_page, settings):
    submit(client, appointment_page)
    appointment = AppointmentRequest.objects.get()
    path = "/" + withdraw_link(appointment)
    tampered = path[:-3] + ("A" if path[-3] != "A" else "B") + path[-2:]
    assert tampered != path
    assert client.post(tampered).status_code == 404
    with time_machine.travel(
        datetime.now() + timedelta(days=settings.APPOINTMENT_RETENTION_DAYS + 1)
    ):
        assert client.post(path).status_code == 404
    appointment.refresh_from_db()
    assert appointment.status == "new"
    assert signing  # the links are django.core.signing tokens, checked above by tampering


def test_the_promise_follows_the_contact_method_and_the_calendar():
    training = DatedHours(
        key="c1",
        label="Staff training day",
        first_day=date(2026, 12, 2),
        last_day=date(2026, 12, 2),
    )
    schedule = Schedule(WEEKDAYS_9_TO_5, [training], CHICAGO)
    monday_evening = datetime(2026, 11, 30, 18, 0, tzinfo=CHICAGO)  # Monday
    tuesday_noon = datetime(2026, 12, 1, 12, 0, tzinfo=CHICAGO)
    assert contact_promise(schedule, monday_evening, "text") == ("We will text you tomorrow.")
    assert contact_promise(schedule, tuesday_noon, "phone") == (
        "We are closed tomorrow (Staff training day); we will call you on Thursday."
    )
    friday_evening = datetime(2026, 12, 4, 18, 0, tzinfo=CHICAGO)
    assert contact_promise(schedule, friday_evening, "email") == "We will email you on Monday."
    no_hours = Schedule({}, [], CHICAGO)
    assert contact_promise(no_hours, tuesday_noon, "phone") == (
        "We will call you within one business day."
    )


def test_the_thank_you_page_and_receipt_follow_a_text_choice(client, appointment_page):
    response = client.get(
        submit(client, appointment_page, {"preferred_contact": "text"})["Location"]
    )
    assert "We will text you" in response.content.decode()
    assert "We will text you" in patient_confirmation(AppointmentRequest.objects.get()).body


def test_the_thank_you_page_and_receipt_follow_the_calendar(client, appointment_page, caching_off):
    from tests.hours.factories import ClosureFactory, set_weekly_hours

    set_weekly_hours({day: [(time(9), time(17))] for day in range(5)})
    ClosureFactory(label="Staff training day", start_date=date(2026, 12, 2))  # a Wednesday
    with time_machine.travel(datetime(2026, 12, 1, 12, 0, tzinfo=CHICAGO), tick=True):
        response = client.get(submit(client, appointment_page)["Location"])
        promise = "We are closed tomorrow (Staff training day); we will call you on Thursday."
        assert promise in response.content.decode()
        assert promise in patient_confirmation(AppointmentRequest.objects.get()).body
