"""The appointment form, its messages and the receipt in Spanish (locale/es)."""

import re
from urllib.parse import urlsplit

import pytest

from appointments.models import AppointmentRequest
from tests.harness.worker import settle

from .conftest import VALID, assert_turned_down_as_typed, form_token, submit
from .test_patient_language import spanish_form  # noqa: F401 (fixture)
from .test_recaptcha import google_answers, keys  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_the_spanish_form_asks_in_spanish(client, spanish_form):  # noqa: F811
    html = client.get(spanish_form.url).content.decode()
    assert '<html lang="es">' in html
    for words in (
        "Este formulario no es para emergencias. Si tiene una emergencia, llame al 911.",
        "Número de teléfono",
        "Incluya el código de área, por ejemplo (312) 555-0142.",
        "¿Cómo prefiere que nos comuniquemos con usted?",
        "Llamada telefónica",
        "Días que le convienen",
        "Lunes",
        "Mañana (de 8 a. m. a 12 del mediodía)",
        "(opcional)",
        "He leído el aviso de privacidad",
    ):
        assert words in html, words
    for english in ("Phone number", "How should we contact you?", "Monday", "(optional)"):
        assert english not in html, english


def test_spanish_errors_come_back_in_spanish_with_what_the_patient_typed(
    client,
    spanish_form,  # noqa: F811
):
    html = client.get(spanish_form.url).content.decode()
    typed = {
        **VALID,
        "first_name": "",
        "phone": "555",
        "last_name": "Pérez García",
        "reason": "Dolor de espalda baja desde hace tres meses",
        "privacy_acknowledged": "",
        "form_token": form_token(html),
    }
    response = client.post(spanish_form.url, {k: v for k, v in typed.items() if v != ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert not AppointmentRequest.objects.exists()
    assert re.search(r"<title>Error: ", page)
    assert "Hay un problema" in page
    for message in (
        "Escriba su nombre.",
        "Escriba un número de teléfono con su código de área, por ejemplo (312) 555-0142.",
        "Marque la casilla para indicar que ha leído el aviso de privacidad.",
    ):
        assert page.count(message) == 2, message  # in the summary and beside its field
    assert 'name="last_name" value="Pérez García"' in page
    assert 'name="phone" value="555"' in page
    assert "Dolor de espalda baja desde hace tres meses</textarea>" in page
    assert re.search(r'value="thu"[^>]*checked', page)  # the days ticked are still ticked
    for english in ("There is a problem", "Enter your first name.", "Tick the box"):
        assert english not in page, english


def test_a_message_that_belongs_to_no_field_is_in_spanish_too(client, spanish_form, settings):  # noqa: F811
    settings.APPOINTMENT_MIN_SUBMIT_SECONDS = 3600  # the patient "types" faster than a person
    page = submit(client, spanish_form).content.decode()
    assert "Este formulario se envió un instante después de abrirse" in page
    assert 'name="first_name" value="Jane"' in page
    assert not AppointmentRequest.objects.exists()


def test_the_thank_you_page_promises_in_spanish(client, spanish_form):  # noqa: F811
    response = submit(client, spanish_form)
    assert response.status_code == 303
    assert response["Location"].startswith("/es/")
    page = client.get(response["Location"]).content.decode()
    assert '<html lang="es">' in page
    assert "Su número de referencia: <strong>" in page
    assert "Le llamaremos" in page  # the promise, for a patient who chose a phone call
    assert "Volver a la página principal" in page and 'href="/es/"' in page


@pytest.mark.worker
def test_the_receipt_of_a_spanish_request_arrives_in_spanish(
    client,
    spanish_form,  # noqa: F811
    celery_worker,
    smtp_server,
):
    assert submit(client, spanish_form, {"preferred_contact": "email"}).status_code == 303
    smtp_server.wait_for(2)
    settle(celery_worker)
    [receipt] = [m for m in smtp_server.messages if m["To"] == VALID["email"]]
    [staff] = [m for m in smtp_server.messages if m["To"] != VALID["email"]]
    body = receipt.get_content()
    assert receipt["Subject"].startswith("Recibimos su solicitud de cita | ")
    assert receipt["Content-Language"] == "es"
    assert "Recibimos su solicitud de cita." in body
    assert "Le escribiremos por correo electrónico" in body
    assert "Su número de referencia: " in body
    assert "Si tiene una emergencia, llame al 911." in body
    withdraw = re.search(r"Retire la solicitud aquí: (\S+)", body).group(1)
    assert "/es/" in withdraw  # the Spanish page's withdraw link
    withdraw_page = client.get(urlsplit(withdraw).path).content.decode()
    assert "Si ya no necesita la cita que pidió, puede retirar la solicitud aquí." in withdraw_page
    assert "We have received" not in body and "Thank you for contacting" not in body
    # The front desk's email stays English, and says who to call back with.
    assert "Spanish-speaking patient" in staff.get_content()


def test_a_bot_verdict_is_explained_in_spanish_and_googles_widget_speaks_spanish(
    client,
    spanish_form,  # noqa: F811
    keys,  # noqa: F811
    monkeypatch,
):
    keys.RECAPTCHA_VERSION = "v2"
    google_answers(monkeypatch, {"success": False, "error-codes": ["invalid-input-response"]})
    html = client.get(spanish_form.url).content.decode()
    assert 'src="https://www.google.com/recaptcha/api.js?hl=es"' in html
    response = submit(client, spanish_form, {"g-recaptcha-response": "a-bot"})
    page = assert_turned_down_as_typed(response, "Hay un problema")
    assert "No pudimos confirmar que este formulario lo envió una persona." in page
