"""The full-page cache: fast for anonymous visitors, never stale, never someone else's page."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from website import page_cache
from website.models import PracticeSettings

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cache_on(settings, site_memo_on):
    """As in production: the page cache, and the site-wide fragments each worker keeps."""
    settings.PAGE_CACHE_SECONDS = 600


def test_second_anonymous_request_is_a_hit_with_cdn_headers(client, home_page):
    first = client.get("/")
    assert first["X-Cache"] == "MISS"
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=60"
    second = client.get("/")
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["X-Frame-Options"] == "DENY"


def test_signed_in_staff_and_unknown_query_strings_bypass_the_cache(client, home_page):
    client.get("/")
    assert client.get("/?utm_source=mail").get("X-Cache") is None
    staff = get_user_model().objects.create_user("editor", password="long enough pw")
    client.force_login(staff)
    assert client.get("/").get("X-Cache") is None


def test_responses_that_set_cookies_or_say_private_are_never_cached(rf, home_page):
    from django.http import HttpResponse

    def view_setting_cookie(request):
        response = HttpResponse("form with a CSRF token")
        response.set_cookie("csrftoken", "abc")
        return response

    def view_private(request):
        response = HttpResponse("search results")
        response["Cache-Control"] = "private, no-store"
        return response

    for view in (view_setting_cookie, view_private):
        middleware = page_cache.PageCacheMiddleware(view)
        middleware(rf.get("/form/"))
        assert "X-Cache" not in middleware(rf.get("/form/"))


def test_publishing_a_page_shows_at_once(client, home_page, django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=home_page, title="Insurance", slug="insurance")
    client.get(page.url)
    page.title = "Insurance we accept"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    response = client.get(page.url)
    assert response["X-Cache"] == "MISS"
    assert "Insurance we accept" in response.content.decode()


def test_unpublishing_moving_and_deleting_pages_invalidate(
    client, home_page, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home_page, title="About", slug="about")
    other = StandardPageFactory(parent=home_page, title="Team", slug="team")
    for change in (
        lambda: page.unpublish(),
        lambda: page.save_revision().publish(),
        lambda: other.move(page, pos="last-child"),
        lambda: other.delete(),
    ):
        client.get("/")
        assert client.get("/")["X-Cache"] == "HIT"
        with django_capture_on_commit_callbacks(execute=True):
            change()
        assert client.get("/")["X-Cache"] == "MISS"


def test_saving_a_site_setting_invalidates(client, home_page, django_capture_on_commit_callbacks):
    client.get("/")
    practice = PracticeSettings.for_default_site()
    practice.phone = "(773) 555-0111"
    with django_capture_on_commit_callbacks(execute=True):
        practice.save()
    response = client.get("/")
    assert response["X-Cache"] == "MISS"
    assert "(773) 555-0111" in response.content.decode()


def test_every_hit_gets_a_fresh_csp_nonce(rf):
    from django.http import HttpResponse

    def view(request):
        nonce = "abc123nonce"
        request._csp_nonce = nonce
        response = HttpResponse(f'<script nonce="{nonce}" src="/x.js"></script>')
        response["Content-Security-Policy"] = f"script-src 'self' 'nonce-{nonce}'"
        return response

    middleware = page_cache.PageCacheMiddleware(view)
    middleware(rf.get("/p/"))
    nonces = set()
    for _ in range(3):
        hit = middleware(rf.get("/p/"))
        assert hit["X-Cache"] == "HIT"
        [body_nonce] = re.findall(r'nonce="([^"]+)"', hit.content.decode())
        assert f"'nonce-{body_nonce}'" in hit["Content-Security-Policy"]
        assert int(hit["Content-Length"]) == len(hit.content)
        nonces.add(body_nonce)
    assert len(nonces) == 3 and "abc123nonce" not in nonces


def test_time_based_content_expires_at_its_next_change(client, home_page):
    now = timezone.now()

    def closes_in_ninety_seconds(moment):
        return now + timedelta(seconds=90)

    page_cache.register_expiry(closes_in_ninety_seconds)
    try:
        response = client.get("/")
        assert response["Cache-Control"] == "public, max-age=0, s-maxage=60"
        assert page_cache._timeout(now, page_cache.current_generation()) <= 90
    finally:
        page_cache._expiry_providers.remove(closes_in_ninety_seconds)


def test_pages_showing_open_now_expire_when_the_practice_closes(client, one_minute_before_closing):
    """The cached copy saying "Open now, closes at 5:00 PM" must not outlive 5:00 PM."""
    import time_machine

    with time_machine.travel(one_minute_before_closing, tick=False):
        assert "Open now" in client.get("/").content.decode()
        assert page_cache._timeout(timezone.now(), page_cache.current_generation()) == 60
    after_closing = one_minute_before_closing + timedelta(minutes=1, seconds=1)
    with time_machine.travel(after_closing, tick=False):
        response = client.get("/")
        assert response["X-Cache"] == "MISS"
        assert "Open now" not in response.content.decode()


def test_saving_a_closure_shows_the_banner_at_once(
    client, home_page, django_capture_on_commit_callbacks
):
    from datetime import date
    from zoneinfo import ZoneInfo

    import time_machine

    from tests.hours.factories import ClosureFactory, HolidayHoursPageFactory

    HolidayHoursPageFactory(parent=home_page)
    with time_machine.travel(timezone.datetime(2026, 11, 20, 10, tzinfo=ZoneInfo("UTC"))):
        assert "Thanksgiving" not in client.get("/").content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            ClosureFactory(label="Thanksgiving", start_date=date(2026, 11, 26))
        response = client.get("/")
        assert response["X-Cache"] == "MISS"
        assert "Thanksgiving" in response.content.decode()
