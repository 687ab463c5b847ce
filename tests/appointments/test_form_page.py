"""The form page: what a patient sees, what is stored, what they see after sending it."""

import re
from urllib.parse import urlsplit

import pytest
from wagtail.models import Page

from appointments.models import AppointmentRequest, AppointmentRequestPage, Captcha, Confirmation
from website.models import HomePage, PracticeSettings

from .conftest import VALID, submit
from .factories import AppointmentRequestPageFactory

pytestmark = pytest.mark.django_db


def test_emergency_notice_and_phone_come_before_the_form(client, appointment_page):
    response = client.get("/request-appointment/")
    html = response.content.decode()
    assert response.status_code == 200
    notice = html.index("This form is not for emergencies. If you have an emergency, call 911.")
    phone = html.index('href="tel:+13125550100">(312) 555-0100</a>', html.index("<main"))
    assert notice < phone < html.index("<form")
    assert "no-store" in response["Cache-Control"]


def test_every_request_button_leads_to_the_form(client, appointment_page):
    html = client.get("/").content.decode()
    assert 'href="/request-appointment/">Request an appointment</a>' in html


def test_a_valid_request_is_stored_with_a_normalised_phone(client, appointment_page):
    response = submit(client, appointment_page)
    assert response.status_code == 303
    assert urlsplit(response["Location"]).path == "/request-appointment/thank-you/"
    [stored] = AppointmentRequest.objects.all()
    assert (stored.first_name, stored.last_name) == ("Jane", "Doe")
    assert stored.phone == "+13125550177"
    assert stored.phone_display == "(312) 555-0177"
    assert stored.preferred_days == ["mon", "thu"]
    assert stored.preferred_times == ["morning"]
    assert stored.referral_source == "doctor"
    assert stored.status == "new"
    assert stored.captcha == Captcha.OFF
    assert stored.confirmation == Confirmation.PENDING
    assert stored.privacy_acknowledged_at is not None
    assert stored.staff_notified_at is None


def test_no_email_means_no_confirmation_is_owed(client, appointment_page):
    submit(client, appointment_page, {"email": ""})
    assert AppointmentRequest.objects.get().confirmation == Confirmation.NOT_NEEDED


def test_thank_you_page_says_what_next_and_shows_nothing_typed(client, appointment_page):
    response = client.get(submit(client, appointment_page)["Location"])
    html = response.content.decode()
    assert response.status_code == 200
    assert "Thank you. We have your request." in html
    assert "within one business day" in html
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in html
    for typed in ["Jane", "Doe", "555-0177", "jane.doe", "Aching", "Blue Cross"]:
        assert typed not in html


def test_errors_are_next_to_fields_and_summarised_and_nothing_typed_is_lost(
    client, appointment_page
):
    response = submit(
        client,
        appointment_page,
        {"first_name": "", "phone": "555-01", "privacy_acknowledged": None},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert not AppointmentRequest.objects.exists()
    assert "<title>Error: Request an appointment" in html
    summary = re.search(
        r'<div class="error-summary" role="alert"[^>]*autofocus>(.*?)</div>', html, re.S
    )
    assert summary, "the error summary is announced and takes focus"
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary.group(1))
    assert [target for target, _ in links] == [
        "id_first_name",
        "id_phone",
        "id_privacy_acknowledged",
    ]
    # Each message also sits at its field, tied to the input for screen readers.
    assert 'id="id_first_name_error"' in html
    assert re.search(r'<input type="tel" name="phone" value="555-01"[^>]*aria-invalid="true"', html)
    assert 'aria-describedby="id_phone_helptext id_phone_error"' in html
    # Everything else is as the patient left it.
    assert 'name="last_name" value="Doe"' in html
    assert 'name="email" value="jane.doe@example.com"' in html
    assert re.search(r'value="thu"[^>]*checked', html)
    assert re.search(r'value="new"[^>]*checked', html)
    assert "Aching lower back for three months</textarea>" in html
    assert 'value="doctor" selected' in html


def test_choosing_email_contact_needs_an_email_address(client, appointment_page):
    response = submit(client, appointment_page, {"preferred_contact": "email", "email": ""})
    assert "Enter your email address, or choose another way to contact you." in (
        response.content.decode()
    )
    assert not AppointmentRequest.objects.exists()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("312.555.0177", "+13125550177"),
        ("+1 (312) 555-0177", "+13125550177"),
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_phone_numbers_are_stored_in_international_form(client, appointment_page, typed, stored):
    submit(client, appointment_page, {"phone": typed})
    assert AppointmentRequest.objects.get().phone == stored


def test_the_page_lives_under_home_and_has_no_children(home_page):
    assert AppointmentRequestPage.can_create_at(home_page)
    assert not AppointmentRequestPage.can_create_at(Page.get_first_root_node())
    page = AppointmentRequestPageFactory(parent=home_page)
    assert not AppointmentRequestPage.can_create_at(page)
    assert AppointmentRequestPage.allowed_subpage_models() == []
    assert not AppointmentRequestPage.can_create_at(home_page)  # one per site


def test_demo_creates_the_page_and_wires_the_buttons(client, demo):
    assert AppointmentRequestPage.objects.filter(locale__language_code="en").count() == 1
    practice = PracticeSettings.for_default_site()
    assert practice.appointment_page.specific_class is AppointmentRequestPage
    assert HomePage.objects.filter(locale__language_code="en").count() == 1
    html = client.get("/privacy/").content.decode()
    assert "90 days after they arrive" in html
    assert client.get("/request-appointment/").status_code == 200


def test_thank_you_text_is_editable(client, home_page):
    from .factories import build_appointment_page

    build_appointment_page(home_page, thank_you_heading="Got it!", thank_you_text="<p>Soon.</p>")
    html = client.get("/request-appointment/thank-you/").content.decode()
    assert "<h1>Got it!</h1>" in html and "<p>Soon.</p>" in html


def test_the_stored_request_keeps_what_was_typed(client, appointment_page):
    submit(client, appointment_page)
    stored = AppointmentRequest.objects.get()
    assert stored.reason == VALID["reason"]
    assert stored.insurance == VALID["insurance"]
    assert str(stored) == f"Appointment request #{stored.pk}"
