"""The full-page cache: fast for anonymous visitors, never stale, never someone else's page.
It is on in every test, as in production; a change shows at once because it writes a new content
version in its own transaction (website/invalidation.py), as a real save does."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail import hooks

from website import invalidation, page_cache
from website.middleware import ContentSecurityPolicyMiddleware
from website.models import PracticeSettings

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db


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


def test_publishing_a_page_shows_at_once(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Insurance", slug="insurance")
    client.get(page.url)
    page.title = "Insurance we accept"
    page.save_revision().publish()
    response = client.get(page.url)
    assert response["X-Cache"] == "MISS"
    assert "Insurance we accept" in response.content.decode()


def test_unpublishing_moving_and_deleting_pages_invalidate(client, home_page):
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
        change()
        assert client.get("/")["X-Cache"] == "MISS"


def test_saving_a_site_setting_invalidates(client, home_page):
    client.get("/")
    practice = PracticeSettings.for_default_site()
    practice.phone = "(773) 555-0111"
    practice.save()
    response = client.get("/")
    assert response["X-Cache"] == "MISS"
    assert "(773) 555-0111" in response.content.decode()


def test_a_page_that_used_a_csp_nonce_is_never_cached(rf, home_page):
    """A nonce is for one response only. Only the appointment form has one, and it sets a
    cookie anyway; any page that asks for one is not stored. A page that does not is."""
    from django.http import HttpResponse
    from django.template import engines

    template = engines["django"].from_string(
        '{% if with_script %}<script nonce="{{ request.csp_nonce }}"></script>{% endif %}page'
    )

    def view(request):
        return HttpResponse(template.render({"with_script": "script" in request.path}, request))

    served = page_cache.PageCacheMiddleware(ContentSecurityPolicyMiddleware(view))
    nonces = set()
    for _ in range(2):
        with_nonce = served(rf.get("/script/"))
        assert "X-Cache" not in with_nonce  # neither served from the cache nor stored
        nonces.add(with_nonce["Content-Security-Policy"].split("'nonce-")[1].split("'")[0])
        without = served(rf.get("/plain/"))
        assert "nonce-" not in without["Content-Security-Policy"]
    assert len(nonces) == 2
    assert without["X-Cache"] == "HIT"


def test_time_based_content_expires_at_its_next_change(client, home_page):
    now = timezone.now()

    def closes_in_ninety_seconds(moment):
        return now + timedelta(seconds=90)

    with hooks.register_temporarily(invalidation.EXPIRY_HOOK, closes_in_ninety_seconds):
        response = client.get("/")
        assert response["Cache-Control"] == "public, max-age=0, s-maxage=60"
        assert invalidation.page_cache_seconds(now, invalidation.current_version()) <= 90
    assert invalidation.page_cache_seconds(now, invalidation.current_version()) > 90


def test_pages_showing_open_now_expire_when_the_practice_closes(client, one_minute_before_closing):
    """The cached copy saying "Open now, closes at 5:00 PM" must not outlive 5:00 PM."""
    import time_machine

    with time_machine.travel(one_minute_before_closing, tick=False):
        assert "Open now" in client.get("/").content.decode()
        now = timezone.now()
        assert invalidation.page_cache_seconds(now, invalidation.current_version()) == 60
    after_closing = one_minute_before_closing + timedelta(minutes=1, seconds=1)
    with time_machine.travel(after_closing, tick=False):
        response = client.get("/")
        assert response["X-Cache"] == "MISS"
        assert "Open now" not in response.content.decode()


def test_saving_a_closure_shows_the_banner_at_once(client, home_page):
    from datetime import date
    from zoneinfo import ZoneInfo

    import time_machine

    from tests.hours.factories import ClosureFactory, HolidayHoursPageFactory

    HolidayHoursPageFactory(parent=home_page)
    with time_machine.travel(timezone.datetime(2026, 11, 20, 10, tzinfo=ZoneInfo("UTC"))):
        assert "Thanksgiving" not in client.get("/").content.decode()
        ClosureFactory(label="Thanksgiving", start_date=date(2026, 11, 26))
        response = client.get("/")
        assert response["X-Cache"] == "MISS"
        assert "Thanksgiving" in response.content.decode()
