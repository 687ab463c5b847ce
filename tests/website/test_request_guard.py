"""Bytes, charsets and sizes no browser sends get a clear 400 or 413 page, never a server error,
at whatever URL (website/request_guard.py); staff uploads in the admin are not limited by it."""

import io
import random

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.test.client import MULTIPART_CONTENT
from PIL import Image
from wagtail.images import get_image_model

from appointments.models import AppointmentRequest
from tests.accounts.factories import StaffFactory, login_verified
from tests.appointments.conftest import VALID
from tests.appointments.factories import build_appointment_page
from tests.handouts.factories import ConditionFactory, HandoutIndexPageFactory, HandoutPageFactory

pytestmark = pytest.mark.django_db

REFUSED = "We could not read that request"


@pytest.fixture
def browser():
    """A visitor whose server errors come back as responses (as a real visitor sees them)."""
    return Client(raise_request_exception=False)


@pytest.fixture
def site(home_page, media_in_tmp):
    index = HandoutIndexPageFactory(parent=home_page)
    HandoutPageFactory(parent=index, conditions=[ConditionFactory(name="Sciatica")])
    return build_appointment_page(home_page)


def assert_refused(response, status=400):
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    assert "(312) 555-0100" in response.content.decode()  # the practice's phone, to call instead
    # The header middlewares further in never saw it; the guard set the site's own headers.
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_nul_in_the_condition_filter_is_a_400_not_a_database_error(browser, site):
    # PostgreSQL refuses NUL in text: this was a 500 there (and the page on SQLite).
    response = browser.get("/handouts/?condition=%00")
    assert_refused(response)
    assert REFUSED in response.content.decode()


@pytest.mark.parametrize(
    ("path", "extra"),
    [
        ("/handouts/%00/", {}),
        ("/handouts/?%00=sciatica", {}),
        ("/search/?q=back%00pain", {}),
        ("/blog/?page=2%00", {}),
        ("/handouts/", {"HTTP_USER_AGENT": "Mozilla/5.0\x00"}),
        ("/handouts/", {"HTTP_COOKIE": "sessionid=abcdefgh\x00ijkl"}),
    ],
)
def test_a_nul_in_the_path_query_or_a_header_is_a_400(browser, site, path, extra):
    assert_refused(browser.get(path, **extra))


def test_a_nul_in_a_form_field_is_a_400_and_nothing_is_stored(browser, site):
    urlencoded = "first_name=Jane%00&last_name=Doe"
    assert_refused(browser.post(site.url, urlencoded, "application/x-www-form-urlencoded"))
    assert_refused(browser.post(site.url, {**VALID, "reason": "back\x00pain"}))  # multipart
    assert not AppointmentRequest.objects.exists()


@pytest.mark.parametrize("charset", ["utf-16", "utf-32", "utf-16-le", "utf-7", "base64", "bogus"])
def test_a_form_in_a_charset_that_is_not_ascii_compatible_is_a_400(site, charset):
    # A real visitor's session: the form was shown, so the CSRF cookie is valid.
    visitor = Client(raise_request_exception=False, enforce_csrf_checks=True)
    visitor.get(site.url)
    token = visitor.cookies["csrftoken"].value
    body = f"first_name=Jane&csrfmiddlewaretoken={token}"
    try:
        body = body.encode(charset)
    except LookupError:  # not a text encoding, or none at all: the client sent ASCII anyway
        body = body.encode("ascii")
    content_type = f"application/x-www-form-urlencoded; charset={charset}"
    response = visitor.generic("POST", site.url, body, content_type)  # the bytes as they are
    assert_refused(response)
    assert not AppointmentRequest.objects.exists()


@pytest.mark.parametrize("charset", ["hex", "base64", "rot13", "utf-16"])
def test_a_query_under_a_charset_that_names_no_text_encoding_is_a_400(site, charset):
    # Django failed while building the request, before any middleware: only the real WSGI
    # application (website/wsgi.py, as gunicorn runs it) shows it; the test client builds
    # requests its own way.
    from website.wsgi import application

    environ = RequestFactory().get("/handouts/?condition=sciatica").environ
    environ["CONTENT_TYPE"] = f"text/plain; charset={charset}"
    started = []
    body = b"".join(application(environ, lambda status, headers: started.append(status)))
    assert started == ["400 Bad Request"]
    assert REFUSED in body.decode()


def test_more_fields_than_django_parses_is_a_400_on_a_form_too(browser, site, settings):
    # Django's own 400 for this re-ran the CSRF check, which parsed the body again: a 500.
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    body = "&".join(f"field{n}=x" for n in range(20))
    response = browser.post(site.url, body, content_type="application/x-www-form-urlencoded")
    assert_refused(response)
    assert_refused(browser.get(f"/handouts/?{body}"))


def test_ascii_compatible_charsets_still_reach_the_page(browser, site):
    for charset in ["utf-8", "UTF-8", "latin-1", "windows-1252"]:
        response = browser.get("/handouts/", CONTENT_TYPE=f"text/plain; charset={charset}")
        assert response.status_code == 200, charset


class UnreadableBody(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def test_a_huge_public_body_is_a_413_before_it_is_read(browser, site, settings):
    settings.PUBLIC_REQUEST_MAX_BYTES = 64 * 1024
    response = browser.generic(
        "POST",
        site.url,
        CONTENT_TYPE=MULTIPART_CONTENT,
        CONTENT_LENGTH=str(20 * 1024 * 1024),
        **{"wsgi.input": UnreadableBody()},
    )
    assert_refused(response, status=413)
    assert "That was too much to send" in response.content.decode()


def big_png(size: int) -> bytes:
    """A PNG of noise: it does not compress, so it stays about `size` bytes."""
    side = int((size / 3) ** 0.5) + 1
    buffer = io.BytesIO()
    noise = random.Random(0).randbytes(side * side * 3)  # noqa: S311 (pixels, not secrets)
    Image.frombytes("RGB", (side, side), noise).save(buffer, "PNG")
    return buffer.getvalue()


def test_staff_uploads_in_the_admin_are_not_held_to_the_public_limit(client, site, settings):
    settings.PUBLIC_REQUEST_MAX_BYTES = 64 * 1024
    login_verified(client, StaffFactory(is_superuser=True))
    picture = big_png(300 * 1024)
    assert len(picture) > settings.PUBLIC_REQUEST_MAX_BYTES
    response = client.post(
        "/admin/images/add/",
        {"title": "Clinic", "file": SimpleUploadedFile("clinic.png", picture, "image/png")},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assert get_image_model().objects.filter(title="Clinic").exists()
