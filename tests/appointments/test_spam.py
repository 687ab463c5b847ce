"""Bots are turned away quietly; real patients keep what they typed and get the phone number."""

import re
from urllib.parse import urlsplit

import pytest
import time_machine

from appointments.models import AppointmentRequest
from appointments.spam import FormToken, duration_in_words

from .conftest import VALID, assert_turned_down_as_typed, form_token, submit

pytestmark = pytest.mark.django_db


def test_a_filled_honeypot_gets_the_thank_you_page_and_stores_nothing(client, appointment_page):
    response = submit(client, appointment_page, {"website": "http://spam.example"})
    assert response.status_code == 303
    assert urlsplit(response["Location"]).path.endswith("/thank-you/")
    assert not AppointmentRequest.objects.exists()


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client, appointment_page):
    html = client.get(appointment_page.url).content.decode()
    assert '<div class="form-trap" aria-hidden="true">' in html
    assert 'name="website"' in html and 'tabindex="-1"' in html


def test_a_form_sent_too_quickly_is_not_stored_but_comes_back_as_typed(
    client, appointment_page, settings
):
    """A bot posting at once gets nothing stored; a fast person (autofill) loses nothing."""
    settings.APPOINTMENT_MIN_SUBMIT_SECONDS = 60
    response = submit(client, appointment_page)
    html = response.content.decode()
    assert response.status_code == 200
    assert not AppointmentRequest.objects.exists()
    assert "faster than a person" in html  # why, in plain words
    assert "press the button again" in html
    assert f'value="{VALID["first_name"]}"' in html
    assert VALID["reason"] in html and 'id="id_privacy_acknowledged" checked' in html


def test_a_form_sent_after_the_minimum_time_is_stored(client, appointment_page, settings):
    settings.APPOINTMENT_MIN_SUBMIT_SECONDS = 60
    html = client.get(appointment_page.url).content.decode()
    token = form_token(html)
    issued = FormToken.read(token).issued_at
    with time_machine.travel(issued + 61, tick=False):
        client.post(appointment_page.url, {**VALID, "form_token": token})
    assert AppointmentRequest.objects.count() == 1


def test_a_tampered_token_asks_to_send_again_and_keeps_everything(client, appointment_page):
    response = submit(client, appointment_page, {"form_token": "forged"})
    html = assert_turned_down_as_typed(
        response, "Please check your details and press the button again."
    )
    # A fresh, valid token: pressing the button again works.
    assert submit(client, appointment_page, {"form_token": form_token(html)}).status_code == 303
    assert AppointmentRequest.objects.count() == 1


def test_a_double_click_or_resubmitted_page_stores_one_request(client, appointment_page):
    html = client.get(appointment_page.url).content.decode()
    payload = {**VALID, "form_token": form_token(html)}
    first = client.post(appointment_page.url, payload)
    second = client.post(appointment_page.url, payload)
    assert first.status_code == second.status_code == 303
    assert second["Location"] == first["Location"]
    assert AppointmentRequest.objects.count() == 1


def test_the_rate_limit_keeps_what_was_typed_and_gives_the_phone(
    client, appointment_page, settings
):
    settings.APPOINTMENT_RATE_LIMIT = 2
    address = {"REMOTE_ADDR": "203.0.113.7"}
    for _ in range(2):
        assert submit(client, appointment_page, **address).status_code == 303
    response = submit(client, appointment_page, {"first_name": "Third"}, **address)
    html = response.content.decode()
    assert response.status_code == 200
    assert AppointmentRequest.objects.count() == 2
    assert "please call us at (312) 555-0100" in html
    assert 'role="alert"' in html
    assert 'name="first_name" value="Third"' in html
    # Someone else is not affected.
    other = submit(client, appointment_page, **{"REMOTE_ADDR": "203.0.113.8"})
    assert other.status_code == 303
    assert AppointmentRequest.objects.count() == 3


def test_behind_a_proxy_the_limit_is_per_visitor_not_per_proxy(client, appointment_page, settings):
    settings.APPOINTMENT_RATE_LIMIT = 1
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    proxy = "10.0.0.2"
    settings.TRUSTED_PROXIES = [proxy]
    first = {"REMOTE_ADDR": proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    second = {"REMOTE_ADDR": proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.21"}
    assert submit(client, appointment_page, **first).status_code == 303
    assert submit(client, appointment_page, **second).status_code == 303
    # A made-up address to the left of the proxy's entry does not get around the limit.
    spoofed = {"REMOTE_ADDR": proxy, "HTTP_X_FORWARDED_FOR": "1.2.3.4, 198.51.100.20"}
    assert submit(client, appointment_page, **spoofed).status_code == 200
    assert AppointmentRequest.objects.count() == 2


def test_a_rotated_forwarded_for_header_does_not_escape_the_limit(
    client, appointment_page, settings
):
    """Sent straight to the app server, not through our proxy: the header is not believed."""
    settings.APPOINTMENT_RATE_LIMIT = 2
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    for n in range(2):
        sent = submit(
            client,
            appointment_page,
            REMOTE_ADDR="198.51.100.66",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )
        assert sent.status_code == 303
    third = submit(
        client, appointment_page, REMOTE_ADDR="198.51.100.66", HTTP_X_FORWARDED_FOR="192.0.2.99"
    )
    assert third.status_code == 200
    assert "please call us at" in third.content.decode()
    assert AppointmentRequest.objects.count() == 2


def test_form_errors_do_not_count_against_the_limit(client, appointment_page, settings):
    settings.APPOINTMENT_RATE_LIMIT = 1
    address = {"REMOTE_ADDR": "203.0.113.30"}
    for _ in range(3):
        assert submit(client, appointment_page, {"phone": "12"}, **address).status_code == 200
    assert submit(client, appointment_page, **address).status_code == 303


def test_a_request_sent_while_redis_is_down_is_stored_not_lost(
    client, appointment_page, redis_down
):
    """The rate limit's counters live in the cache: without them the form still takes the
    request (honeypot, time token and reCAPTCHA still apply)."""
    response = submit(client, appointment_page)
    assert response.status_code == 303
    assert AppointmentRequest.objects.get().first_name == "Jane"


def test_a_form_open_for_over_a_day_comes_back_as_typed_with_a_fresh_token(
    client, appointment_page, settings
):
    """A harvested token must not stay good for ever; a patient who left the tab open
    overnight loses nothing and sends it with one more press."""
    settings.APPOINTMENT_MIN_SUBMIT_SECONDS = 60
    old_token = form_token(client.get(appointment_page.url).content.decode())
    issued = FormToken.read(old_token).issued_at
    day_later = issued + 25 * 3600
    with time_machine.travel(day_later, tick=False):
        response = client.post(appointment_page.url, {**VALID, "form_token": old_token})
    html = assert_turned_down_as_typed(response, "This form was open for more than a day")
    assert 'role="alert"' in html
    assert re.search(r'value="thu"[^>]*checked', html)
    assert re.search(r'name="privacy_acknowledged"[^>]*checked', html)
    new_token = form_token(html)
    assert new_token != old_token
    assert FormToken.read(new_token).issued_at == day_later

    with time_machine.travel(day_later + 61, tick=False):
        again = client.post(appointment_page.url, {**VALID, "form_token": new_token})
    assert again.status_code == 303
    assert AppointmentRequest.objects.get().first_name == "Jane"


def test_a_form_sent_within_the_day_is_stored(client, appointment_page):
    token = form_token(client.get(appointment_page.url).content.decode())
    with time_machine.travel(FormToken.read(token).issued_at + 23 * 3600, tick=False):
        response = client.post(appointment_page.url, {**VALID, "form_token": token})
    assert response.status_code == 303
    assert AppointmentRequest.objects.count() == 1


def test_a_stored_request_resent_a_day_later_is_not_stored_twice(client, appointment_page):
    """The browser's back button and "send again" the next day: the first one is kept, and the
    patient is not asked to send it a second time."""
    token = form_token(client.get(appointment_page.url).content.decode())
    assert client.post(appointment_page.url, {**VALID, "form_token": token}).status_code == 303
    with time_machine.travel(FormToken.read(token).issued_at + 25 * 3600, tick=False):
        again = client.post(appointment_page.url, {**VALID, "form_token": token})
    assert again.status_code == 303
    assert AppointmentRequest.objects.count() == 1


def test_a_shorter_token_life_is_named_in_the_message(client, appointment_page, settings):
    settings.APPOINTMENT_FORM_TOKEN_MAX_AGE_SECONDS = 2 * 3600
    token = form_token(client.get(appointment_page.url).content.decode())
    with time_machine.travel(FormToken.read(token).issued_at + 3 * 3600, tick=False):
        response = client.post(appointment_page.url, {**VALID, "form_token": token})
    assert "This form was open for more than 2 hours" in response.content.decode()
    assert not AppointmentRequest.objects.exists()


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(86400, "a day"), (3 * 86400, "3 days"), (36 * 3600, "a day"), (5400, "an hour"),
     (7200, "2 hours"), (60, "a minute"), (900, "15 minutes"), (30, "a moment")],
)  # fmt: skip
def test_the_token_life_in_plain_words(seconds, words):
    assert duration_in_words(seconds) == words
