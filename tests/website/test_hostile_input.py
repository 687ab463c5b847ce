"""Hostile input, generated: a few hundred requests over every public URL of the demo site, its
query parameters and the appointment form, with odd bytes (NUL, %ff, lone surrogates and
overlong UTF-8, percent-encoded), charsets, methods, headers and sizes. Not one may end in a
server error, and nothing may be stored that should not be.

Requests go through the whole middleware stack and URL routing, as the WSGI application builds
them in production (website/wsgi.py). Run on PostgreSQL too: it refuses what SQLite forgives.
"""

from contextlib import contextmanager
from urllib.parse import unquote_plus

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, event, given
from hypothesis import settings as run
from hypothesis import strategies as st
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from appointments.models import AppointmentRequest
from handouts.pdf import weasyprint_missing
from tests.appointments.conftest import VALID, form_token
from tests.handouts.factories import picture
from website.request_guard import GuardedWSGIRequest

pytestmark = pytest.mark.django_db

FORM_URL = "/request-appointment/"
# A 32-character CSRF secret, sent as cookie and header: requests pass Django's CSRF check the
# way a real browser's do, so the check's own parsing of the body is exercised too.
CSRF_SECRET = "hostileinputsuitecsrfsecret12345"

hostile = run(
    derandomize=True,  # the same examples on every run and in CI
    database=None,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,  # the demo site is set up once per test
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


@pytest.fixture
def demo_urls(demo, media_in_tmp, settings, monkeypatch):
    """Every public URL of the demo site with an uploaded image's rendition and a document; the
    page cache on, the appointment form at a patient's speed with its real rate limit, emptied
    per example."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.APPOINTMENT_MIN_SUBMIT_SECONDS = 0
    settings.RECAPTCHA_PUBLIC_KEY = settings.RECAPTCHA_PRIVATE_KEY = ""
    # The test client builds requests itself; build them as website/wsgi.py does in production.
    monkeypatch.setattr("django.test.client.WSGIRequest", GuardedWSGIRequest)
    rendition = picture().get_rendition("width-100")
    document = get_document_model().objects.create(
        title="Leaflet", file=SimpleUploadedFile("leaflet.pdf", b"%PDF-1.4\n%%EOF\n")
    )
    return public_urls(extra=[rendition.url, document.url])


def public_urls(extra: list[str]) -> list[str]:
    """Every URL an anonymous visitor can reach on the demo site."""
    pages = [page.url for page in Page.objects.live().public().specific() if page.url]
    routes = [f"/blog/tags/{tag.slug}/" for tag in Tag.objects.all()]
    for page in pages:
        if page.startswith("/handouts/") and page != "/handouts/":
            routes.append(f"{page}large-print/")
            # Without WeasyPrint's libraries a PDF is a deliberate 503 (the handout tests
            # require them under CI).
            if not weasyprint_missing():
                routes += [f"{page}pdf/", f"{page}large-print/pdf/"]
    routes += ["/blog/feed/", "/holiday-hours/closures.ics"]
    routes += [f"{FORM_URL}thank-you/", "/search/", "/sitemap.xml", "/robots.txt", "/healthz"]
    routes += ["/static/website/css/site.css", "/admin/login/", "/admin/password_reset/"]
    image = get_image_model().objects.first()
    routes += [f"/media/{image.file.name}"]  # an original: never served, but asked for
    return sorted({*pages, *routes, *extra})


# --- What the requests are made of -----------------------------------------------------------

ODD_PIECES = [
    "%00", "%ff", "%fe%ff", "%c3", "%ed%a0%80", "%ed%bf%bf",  # NUL, bytes that are no UTF-8
    "%c0%ae", "%c0%af", "%e0%80%af", "%f4%90%80%80",  # overlong '.', '/', beyond U+10FFFF
    "%2e%2e", "..", "%2f", "%5c", "%25", "%", "%zz", "%u0000", "+", "%20", "%0d%0a", "%09",
    "%f0%9f%98%80", "%d7%90", "'", "%22", "%3cscript%3e", "x" * 300, "1" * 30, "-1", "0",
]  # fmt: skip
PLAIN = st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters="#%&+=?/\\ ")


def percent_encoded(data: bytes) -> str:
    return "".join(f"%{byte:02x}" for byte in data)


junk = st.lists(
    st.one_of(
        st.sampled_from(ODD_PIECES),
        st.text(PLAIN, max_size=8),
        st.binary(max_size=6).map(percent_encoded),
    ),
    max_size=5,
).map("".join)

PLAUSIBLE_VALUES = ["1", "2", "3", "999999", "sciatica", "facet-joint-pain", "back pain", ""]
query_key = st.one_of(
    st.sampled_from(["page", "condition", "q", "tags", "tag", "next", "utm_source", ""]), junk
)
query_value = st.one_of(st.sampled_from(PLAUSIBLE_VALUES), junk)
query = st.lists(st.tuples(query_key, query_value), max_size=4).map(
    lambda pairs: "&".join(f"{key}={value}" for key, value in pairs)
)
path_suffix = st.one_of(
    st.just(""), junk, junk.map(lambda text: f"{text}/"), st.sampled_from(["../", "%2e%2e/x"])
)

CHARSETS = ["utf-8", "utf-16", "utf-32", "utf-16-le", "latin-1", "windows-1252", "utf-7"]
CHARSETS += ["bogus", "base64", "hex", ""]
MEDIA_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"]
MEDIA_TYPES += ["application/json", "multipart/form-data; boundary=xyz", "application/xml", ""]
content_type = st.one_of(
    st.none(),
    st.tuples(st.sampled_from(MEDIA_TYPES), st.sampled_from([None, *CHARSETS])).map(
        lambda pair: pair[0] if pair[1] is None else f"{pair[0]}; charset={pair[1]}"
    ),
)


def sized(size: int) -> bytes:
    return b"reason=" + b"x" * size


body = st.one_of(
    st.just(b""),
    st.binary(max_size=200),
    st.tuples(query_key, query_value).map(lambda pair: f"{pair[0]}={pair[1]}".encode()),
    st.tuples(junk, junk).map(lambda pair: f"username={pair[0]}&password={pair[1]}".encode()),
    st.text(max_size=50).map(lambda text: text.encode("utf-16")),
    st.sampled_from([70_000, 300_000, 3_000_000]).map(sized),  # over the public limit
    st.just(b'--xyz\r\nContent-Disposition: form-data; name="f"; filename="a.pdf"\r\n\r\n%PDF\r\n'),
)

header_text = st.one_of(junk, st.text(st.characters(max_codepoint=0xFF), max_size=30))
headers = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_COOKIE": st.one_of(
            header_text, header_text.map(lambda text: f"sessionid={text}; csrftoken={text}")
        ),
        "HTTP_USER_AGENT": header_text,
        "HTTP_ACCEPT_LANGUAGE": header_text,
        "HTTP_REFERER": header_text,
        "HTTP_X_FORWARDED_FOR": header_text,
        "HTTP_IF_MODIFIED_SINCE": header_text,
        "HTTP_RANGE": header_text,
        "HTTP_HOST": st.sampled_from(["testserver", "evil.example", "testserver:99999", "[::1"]),
    },
)
METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"]


@contextmanager
def rolled_back():
    """Each example starts from the same database: what it stored is checked, then undone.
    On PostgreSQL a failed query aborts the whole transaction; undoing it here keeps such a
    failure to the one example that caused it, which is then the one reported."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def fresh_client(csrf_checked: bool) -> Client:
    """A visitor whose server errors come back as responses, as a real visitor sees them."""
    cache.clear()  # page cache and rate limit start empty: no example hides behind another
    client = Client(raise_request_exception=False, enforce_csrf_checks=csrf_checked)
    if csrf_checked:
        client.cookies["csrftoken"] = CSRF_SECRET
    return client


def assert_no_server_error(response, description: str) -> None:
    if response.streaming:  # a file or a PDF: read it (and so close it), as the server would
        b"".join(response.streaming_content)
    event(f"status {response.status_code}")  # pytest --hypothesis-show-statistics
    assert response.status_code < 500, f"{response.status_code} for {description}"


# --- Every public URL ------------------------------------------------------------------------


@run(hostile, max_examples=250)
@given(data=st.data())
def test_no_request_to_any_public_url_is_a_server_error(demo_urls, data):
    url = data.draw(st.sampled_from(demo_urls), label="url")
    url += data.draw(path_suffix, label="suffix")
    query_string = data.draw(query, label="query")
    method = data.draw(st.sampled_from(METHODS), label="method")
    extra = data.draw(headers, label="headers")
    csrf_checked = data.draw(st.booleans(), label="csrf checked")
    if csrf_checked:
        extra["HTTP_X_CSRFTOKEN"] = CSRF_SECRET
    payload, kind = b"", None
    if method not in ("GET", "HEAD") or data.draw(st.booleans(), label="body on a GET"):
        payload = data.draw(body, label="body")
        kind = data.draw(content_type, label="content type")
    target = f"{url}?{query_string}" if query_string else url
    with rolled_back():
        response = fresh_client(csrf_checked).generic(method, target, payload, kind or "", **extra)
        assert_no_server_error(response, f"{method} {target} ({kind}, {len(payload)} bytes)")
        assert not AppointmentRequest.objects.exists(), "nothing here sends a real form"


# --- The appointment form --------------------------------------------------------------------

FORM_FIELDS = [*VALID, "website", "form_token", "captcha", "g-recaptcha-response", "junk"]
field_value = st.one_of(st.sampled_from(PLAUSIBLE_VALUES), junk)


def form_body(fields: dict[str, list[str]]) -> str:
    """As a browser sends the form, with each value already percent-encoded (junk included)."""
    return "&".join(f"{name}={value}" for name, values in fields.items() for value in values)


def valid_fields() -> dict[str, list[str]]:
    encoded = {}
    for name, value in VALID.items():
        values = value if isinstance(value, list) else [value]
        encoded[name] = [
            v.replace(" ", "+").replace("(", "%28").replace(")", "%29") for v in values
        ]
    return encoded


@run(hostile, max_examples=120)
@given(
    changes=st.dictionaries(
        st.sampled_from(FORM_FIELDS), st.lists(field_value, min_size=0, max_size=3), max_size=5
    ),
    token=st.sampled_from(["real", "junk", "missing"]),
    charset=st.sampled_from([None, *CHARSETS]),
    multipart=st.booleans(),
    csrf_checked=st.booleans(),
)
def test_no_form_post_is_a_server_error_and_only_real_requests_are_stored(
    demo_urls, changes, token, charset, multipart, csrf_checked
):
    with rolled_back():
        response, fields, raw, kind = post_form(changes, token, charset, multipart, csrf_checked)
        assert_no_server_error(response, f"POST {FORM_URL} ({kind}) {raw[:300]!r}")
        stored = list(AppointmentRequest.objects.all())
        event(f"stored {len(stored)}")
        assert len(stored) <= 1
        if stored:
            [request] = stored
            assert token == "real" and response.status_code == 303
            assert not any(v.strip() for v in fields.get("website", []))  # the honeypot was empty
            request.full_clean()  # every field within its length and choices
            for name in ("first_name", "last_name", "reason", "insurance", "email", "phone"):
                assert "\x00" not in getattr(request, name)


def post_form(changes, token, charset, multipart, csrf_checked):
    """The form as a browser opened and sent it, with `changes` made to its fields."""
    client = fresh_client(csrf_checked)
    fields = {**valid_fields(), **changes}
    if token == "real":
        fields["form_token"] = [form_token(client.get(FORM_URL).content.decode())]
    elif token == "missing":
        fields.pop("form_token", None)
    raw = form_body(fields)
    kind = "application/x-www-form-urlencoded"
    if multipart:  # the same values, decoded, as a multipart body
        data = {name: [unquote_plus(v) for v in values] for name, values in fields.items()}
        return client.post(FORM_URL, data, HTTP_X_CSRFTOKEN=CSRF_SECRET), fields, raw, "multipart"
    kind += f"; charset={charset}" if charset is not None else ""
    response = client.generic("POST", FORM_URL, raw.encode(), kind, HTTP_X_CSRFTOKEN=CSRF_SECRET)
    return response, fields, raw, kind
