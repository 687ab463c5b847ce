"""reCAPTCHA: Google's verdict decides only when Google gives one. Google is replaced at the HTTP
boundary only: a urllib handler standing in for https://www.google.com in the opener that
django-recaptcha's client builds, or a real closed / silent port for "unreachable" and "slow"."""

import io
import json
import logging
import re
import socket
import urllib.request
import urllib.response
from email.message import Message
from urllib.parse import parse_qs

import django_recaptcha.client
import pytest

from appointments import recaptcha
from appointments.models import AppointmentRequest, Captcha
from tests.harness.services import free_port

from .conftest import assert_turned_down_as_typed, submit

pytestmark = pytest.mark.django_db


class FakeGoogle(urllib.request.BaseHandler):
    """Answers siteverify as Google would, and remembers what it was asked."""

    handler_order = 100  # before urllib's own HTTPS handler

    def __init__(self, answer: dict):
        self.answer = answer
        self.asked: list[dict] = []

    def https_open(self, request):
        assert request.full_url == "https://www.google.com/recaptcha/api/siteverify"
        self.asked.append({k: v[0] for k, v in parse_qs(request.data.decode()).items()})
        body = io.BytesIO(json.dumps(self.answer).encode())
        response = urllib.response.addinfourl(body, Message(), request.full_url, 200)
        response.msg = "OK"
        return response


@pytest.fixture
def keys(settings):
    settings.RECAPTCHA_PUBLIC_KEY = "site-key-for-tests"
    settings.RECAPTCHA_PRIVATE_KEY = "secret-key-for-tests"
    settings.RECAPTCHA_VERSION = "v3"
    settings.RECAPTCHA_REQUIRED_SCORE = 0.5
    return settings


def google_answers(monkeypatch, answer: dict) -> FakeGoogle:
    google = FakeGoogle(answer)
    real_build_opener = urllib.request.build_opener
    monkeypatch.setattr(
        django_recaptcha.client,
        "build_opener",
        lambda *handlers: real_build_opener(*handlers, google),
    )
    return google


def test_a_person_passes_and_the_request_is_marked_verified(
    client, appointment_page, keys, monkeypatch
):
    google = google_answers(
        monkeypatch, {"success": True, "score": 0.9, "action": recaptcha.ACTION}
    )
    response = submit(client, appointment_page, {"captcha": "token-from-the-browser"})
    assert response.status_code == 303
    assert AppointmentRequest.objects.get().captcha == Captcha.PASSED
    [asked] = google.asked
    assert asked["secret"] == "secret-key-for-tests"
    assert asked["response"] == "token-from-the-browser"
    assert asked["remoteip"] == "127.0.0.1"


@pytest.mark.parametrize(
    "answer",
    [
        {"success": True, "score": 0.1, "action": recaptcha.ACTION},
        {"success": False, "error-codes": ["invalid-input-response"]},
        {"success": True, "score": 0.9, "action": "some_other_form"},
    ],
    ids=["low score", "failed", "wrong action"],
)
def test_a_bot_verdict_turns_the_form_down_with_a_message(
    client, appointment_page, keys, monkeypatch, answer
):
    google_answers(monkeypatch, answer)
    response = submit(client, appointment_page, {"captcha": "token"})
    html = assert_turned_down_as_typed(
        response, "We could not confirm that this form was sent by a person"
    )
    assert 'role="alert"' in html


def test_google_unreachable_keeps_the_request_and_flags_it(client, appointment_page, keys):
    keys.RECAPTCHA_DOMAIN = f"127.0.0.1:{free_port()}"  # nothing listens there
    response = submit(client, appointment_page, {"captcha": "token"})
    assert response.status_code == 303
    assert AppointmentRequest.objects.get().captcha == Captcha.NOT_VERIFIED


def test_google_too_slow_keeps_the_request_and_flags_it(client, appointment_page, keys):
    with socket.socket() as silent:  # accepts the connection, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(5)
        keys.RECAPTCHA_DOMAIN = f"127.0.0.1:{silent.getsockname()[1]}"
        keys.RECAPTCHA_VERIFY_REQUEST_TIMEOUT = 1  # django-recaptcha wants an int
        response = submit(client, appointment_page, {"captcha": "token"})
    assert response.status_code == 303
    assert AppointmentRequest.objects.get().captcha == Captcha.NOT_VERIFIED


def test_google_answering_nonsense_keeps_the_request_and_flags_it(
    client, appointment_page, keys, monkeypatch
):
    google_answers(monkeypatch, {"unexpected": "shape"})
    assert submit(client, appointment_page, {"captcha": "token"}).status_code == 303
    assert AppointmentRequest.objects.get().captcha == Captcha.NOT_VERIFIED


def test_no_token_javascript_off_keeps_the_request_and_flags_it(
    client, appointment_page, keys, monkeypatch
):
    google = google_answers(monkeypatch, {"success": True, "score": 0.9})
    assert submit(client, appointment_page).status_code == 303
    assert AppointmentRequest.objects.get().captcha == Captcha.NOT_VERIFIED
    assert google.asked == []


def test_v2_checkbox_is_rendered_and_checked(client, appointment_page, keys, monkeypatch):
    keys.RECAPTCHA_VERSION = "v2"
    google = google_answers(monkeypatch, {"success": True})
    html = client.get(appointment_page.url).content.decode()
    assert '<div class="g-recaptcha" data-sitekey="site-key-for-tests"></div>' in html
    assert 'src="https://www.google.com/recaptcha/api.js"' in html
    response = submit(client, appointment_page, {"g-recaptcha-response": "ticked"})
    assert response.status_code == 303
    assert AppointmentRequest.objects.get().captcha == Captcha.PASSED
    assert google.asked[0]["response"] == "ticked"


def test_googles_script_is_allowed_on_the_form_page_only_and_carries_the_nonce(
    client, appointment_page, keys
):
    response = client.get(appointment_page.url)
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", policy).group(1)
    assert "https://www.google.com/recaptcha/" in script_src
    assert "https://www.gstatic.com/recaptcha/" in script_src
    assert re.search(r"frame-src https://www.google.com/recaptcha/", policy)
    nonce = re.search(r"'nonce-([^']+)'", script_src).group(1)
    html = response.content.decode()
    assert f'render=site-key-for-tests" nonce="{nonce}"' in html
    assert "<script>" not in html  # nothing inline without a nonce
    for other in ["/", appointment_page.url + "thank-you/"]:
        assert "google" not in client.get(other)["Content-Security-Policy"]


def test_without_keys_the_form_works_and_the_log_says_so_once(
    client, appointment_page, caplog, monkeypatch
):
    monkeypatch.setattr(recaptcha, "_told_about_missing_keys", False)
    with caplog.at_level(logging.WARNING, logger="appointments.recaptcha"):
        for _ in range(3):
            assert submit(client, appointment_page).status_code == 303
    told = [r for r in caplog.records if "reCAPTCHA keys are not set" in r.getMessage()]
    assert len(told) == 1
    assert AppointmentRequest.objects.filter(captcha=Captcha.OFF).count() == 3
    page_html = client.get(appointment_page.url).content.decode()
    assert "google" not in page_html
