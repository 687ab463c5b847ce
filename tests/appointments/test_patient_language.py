"""The request remembers the language of the form it came from; the desk sees it."""

import pytest

from appointments.emails import staff_notification
from appointments.models import AppointmentRequest
from tests.website.factories import translate

from .conftest import submit
from .factories import AppointmentRequestFactory
from .test_admin import INDEX

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish_form(home_page, appointment_page):
    translate(home_page, title="Inicio", slug="inicio")
    return translate(appointment_page, title="Solicitar una cita", slug="solicitar-cita")


def test_a_request_sent_from_the_spanish_form_is_marked_spanish(client, spanish_form):
    assert spanish_form.url.startswith("/es/")
    page = client.get(spanish_form.url)
    assert page.status_code == 200, page.status_code
    assert 'name="form_token"' in page.content.decode(), page.content.decode()[:3000]
    response = submit(client, spanish_form)
    assert response.status_code == 303, response.content.decode()[:500]
    assert AppointmentRequest.objects.get().language == "es"


def test_a_request_sent_from_the_english_form_is_marked_english(client, appointment_page):
    assert submit(client, appointment_page).status_code == 303
    assert AppointmentRequest.objects.get().language == "en"


def test_the_staff_email_asks_for_a_spanish_speaker_and_no_more(home_page):
    spanish = AppointmentRequestFactory(language="es")
    english = AppointmentRequestFactory()
    spanish_body = staff_notification(spanish, ["desk@example.com"]).body
    assert "Spanish-speaking patient: please call back with someone who speaks" in spanish_body
    assert spanish.first_name not in spanish_body  # still no patient details
    assert "speaking patient" not in staff_notification(english, ["desk@example.com"]).body


def test_the_inbox_filters_and_exports_by_language(client, front_desk):
    AppointmentRequestFactory(first_name="Lucia", language="es")
    AppointmentRequestFactory(first_name="Lucy")
    filtered = client.get(INDEX, {"language": "es"}).content.decode()
    assert "Lucia" in filtered and "Lucy" not in filtered
    response = client.get(INDEX, {"export": "csv"})
    export = b"".join(response.streaming_content).decode()
    header, *rows = export.splitlines()
    assert "Language" in header
    assert any("Lucia" in row and "Spanish" in row for row in rows)
