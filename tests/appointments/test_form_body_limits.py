"""The form takes a few kilobytes of text and no files: a 20 MB upload is refused before it is
read, an attachment of any size is refused with the form as typed, and the longest request a
patient can type is still far under the limit."""

from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from appointments.models import AppointmentRequest

from .conftest import VALID, form_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def opened_form(client, page) -> dict:
    """A valid request with the token of a form the visitor really opened."""
    return {**VALID, "form_token": form_token(client.get(page.url).content.decode())}


def test_a_20_mb_file_sent_with_the_form_is_refused_and_nothing_is_stored(
    visitor, appointment_page
):
    data = opened_form(visitor, appointment_page)
    data["scan"] = SimpleUploadedFile("scan.pdf", b"%PDF-1.4\n" + b"0" * (20 * 1024 * 1024))
    response = visitor.post(appointment_page.url, data)
    assert response.status_code == 413
    assert "That was too much to send" in response.content.decode()
    assert not AppointmentRequest.objects.exists()


def test_a_small_attachment_is_refused_and_the_form_comes_back_as_typed(visitor, appointment_page):
    data = opened_form(visitor, appointment_page)
    data["scan"] = SimpleUploadedFile("scan.pdf", b"%PDF-1.4\n%%EOF\n")
    response = visitor.post(appointment_page.url, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "This form cannot take attachments" in html
    assert "Aching lower back for three months" in html
    assert 'value="Blue Cross PPO"' in html
    assert not AppointmentRequest.objects.exists()


def test_the_longest_request_a_patient_can_type_is_far_under_the_limit(
    visitor, appointment_page, settings
):
    # Every text field at its longest, in characters that take the most bytes once encoded.
    data = opened_form(visitor, appointment_page)
    data.update(
        first_name="😀" * 100,
        last_name="😀" * 100,
        reason="😀" * 500,
        insurance="😀" * 200,
        email=f"{'a' * 60}@{'b' * 60}.example.com",
        preferred_days=["mon", "tue", "wed", "thu", "fri"],
        preferred_times=["morning", "afternoon"],
    )
    data["g-recaptcha-response"] = "x" * 2000  # a reCAPTCHA token, when the keys are set
    body = urlencode(data, doseq=True)  # as the browser sends it
    assert len(body) < 20 * 1024 < settings.PUBLIC_REQUEST_MAX_BYTES  # as the README says
    response = visitor.post(
        appointment_page.url, body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 303
    assert AppointmentRequest.objects.get().reason == "😀" * 500
