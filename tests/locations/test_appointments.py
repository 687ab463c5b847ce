"""Appointment requests and offices: the patient may choose an office ("Any office") and a
physician; the staff email names the office (still nothing the patient typed) and goes to that
office's own recipients, else the practice-wide list; the inbox filters by office."""

import pytest

from appointments.models import AppointmentRequest
from appointments.tasks import deliver_request_emails
from tests.accounts.factories import login_verified
from tests.appointments.conftest import submit
from tests.appointments.factories import (
    STAFF_INBOX,
    AppointmentRequestFactory,
    build_appointment_page,
    user_in_group,
)
from tests.physicians.factories import PhysicianIndexPageFactory, PhysicianPageFactory

from .factories import LocationPageFactory

pytestmark = pytest.mark.django_db

OAK_PARK_DESK = "oakpark@clinic.example"


@pytest.fixture
def practice(home_page, locations_page, settings):
    settings.APPOINTMENT_MIN_SUBMIT_SECONDS = 0
    settings.APPOINTMENT_RATE_LIMIT = 10_000
    settings.RECAPTCHA_PUBLIC_KEY = settings.RECAPTCHA_PRIVATE_KEY = ""
    downtown = LocationPageFactory(parent=locations_page, title="Downtown Chicago", slug="downtown")
    oak_park = LocationPageFactory(
        parent=locations_page,
        title="Oak Park",
        slug="oak-park",
        locality="Oak Park",
        appointment_recipients=f"{OAK_PARK_DESK}\n",
    )
    physicians = PhysicianIndexPageFactory(parent=home_page)
    weber = PhysicianPageFactory(parent=physicians, title="Thomas J. Weber", slug="weber")
    PhysicianPageFactory(parent=physicians, title="Ann Lee", slug="lee")
    page = build_appointment_page(home_page)
    return {"page": page, "downtown": downtown, "oak_park": oak_park, "weber": weber}


def test_the_form_offers_any_office_and_a_physician(client, practice):
    html = client.get(practice["page"].url).content.decode()
    assert "Which office would you like to come to?" in html
    assert '<option value="" selected>Any office</option>' in html
    assert f'<option value="{practice["oak_park"].pk}">Oak Park (Oak Park)</option>' in html
    assert f'<option value="{practice["weber"].pk}">Dr. Thomas J. Weber</option>' in html
    assert '<option value="" selected>No preference</option>' in html


def test_the_choice_is_stored_and_any_office_is_empty(client, practice):
    oak_park, weber = practice["oak_park"], practice["weber"]
    submit(
        client,
        practice["page"],
        {"preferred_location": oak_park.pk, "preferred_physician": weber.pk},
    )
    submit(client, practice["page"], {"first_name": "Ann"})
    chose, any_office = AppointmentRequest.objects.order_by("pk")
    assert (chose.preferred_location_id, chose.preferred_physician_id) == (oak_park.pk, weber.pk)
    assert any_office.preferred_location is None and any_office.preferred_physician is None


def test_with_one_office_the_question_is_not_asked(client, home_page, locations_page):
    LocationPageFactory(parent=locations_page)
    page = build_appointment_page(home_page)
    assert "Which office" not in client.get(page.url).content.decode()


def test_the_staff_email_names_the_office_and_goes_to_its_own_desk(practice, smtp_server):
    oak_park = AppointmentRequestFactory(first_name="Jane", preferred_location=practice["oak_park"])
    downtown = AppointmentRequestFactory(first_name="Jane", preferred_location=practice["downtown"])
    anywhere = AppointmentRequestFactory(first_name="Jane")
    for appointment in [oak_park, downtown, anywhere]:
        assert deliver_request_emails.apply(args=[appointment.pk]).get() == "sent"
    messages = {m["Subject"]: m for m in smtp_server.wait_for(3)}
    to_oak_park = messages[f"New appointment request #{oak_park.pk}"]
    assert to_oak_park["To"] == OAK_PARK_DESK
    assert "Preferred office: Oak Park" in to_oak_park.get_content()
    to_downtown = messages[f"New appointment request #{downtown.pk}"]
    assert to_downtown["To"] == STAFF_INBOX  # no list of its own: the practice-wide one
    assert "Preferred office: Downtown Chicago" in to_downtown.get_content()
    assert (
        "Preferred office: Any office"
        in messages[f"New appointment request #{anywhere.pk}"].get_content()
    )
    assert all("Jane" not in m.as_string() for m in messages.values())


def test_the_inbox_filters_by_office(client, practice):
    AppointmentRequestFactory(first_name="Olivia", preferred_location=practice["oak_park"])
    AppointmentRequestFactory(first_name="Dora", preferred_location=practice["downtown"])
    AppointmentRequestFactory(first_name="Anya")
    login_verified(client, user_in_group("maria", "Front desk"))
    index = "/admin/appointment-requests/"
    html = client.get(index, {"preferred_location": practice["oak_park"].pk}).content.decode()
    assert "Olivia" in html and "Dora" not in html and "Anya" not in html
    html = client.get(index, {"preferred_location": "null"}).content.decode()
    assert "Anya" in html and "Olivia" not in html
