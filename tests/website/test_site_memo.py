"""Site-wide fragments a worker keeps between requests (website/site_memo.py): fewer queries,
and never stale. The full-page cache is off here, as for signed-in staff and search results,
so each response is built and shows what the memo holds. Every save writes a new content version
in its own transaction, as in production, so no test needs to fake a commit."""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.hours.factories import (
    WEEKDAYS_8_TO_5,
    ClosureFactory,
    HolidayHoursPageFactory,
    set_weekly_hours,
)
from website import site_memo
from website.models import PracticeSettings

from .factories import StandardPageFactory

# Query counts here do not depend on when the worker last read the content version.
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("page_cache_off", "content_version_held"),
]


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_second_page_view_reads_far_less(client, home_page):
    set_weekly_hours(WEEKDAYS_8_TO_5)
    page = StandardPageFactory(parent=home_page, title="Insurance", show_in_menus=True)
    first = queries(client, page.url)
    second = queries(client, page.url)
    assert second <= first - 5, (first, second)


def test_saving_practice_details_shows_on_the_next_page_view(client, home_page):
    assert "(312) 555-0100" in client.get("/").content.decode()
    practice = PracticeSettings.objects.get()
    practice.phone = "(312) 555-0199"
    practice.save()
    html = client.get("/").content.decode()
    assert "(312) 555-0199" in html and "(312) 555-0100" not in html


def test_publishing_and_unpublishing_change_the_navigation_at_once(client, home_page):
    assert "Insurance we accept" not in client.get("/").content.decode()
    page = StandardPageFactory(parent=home_page, title="Insurance we accept", live=False)
    page.show_in_menus = True
    page.save_revision().publish()
    assert "Insurance we accept" in client.get("/").content.decode()
    page.refresh_from_db()
    page.unpublish()
    assert "Insurance we accept" not in client.get("/").content.decode()


def test_unpublishing_the_appointment_page_removes_its_buttons(client, home_page):
    form_page = StandardPageFactory(parent=home_page, title="Request", slug="request")
    practice = PracticeSettings.objects.get()
    practice.appointment_page = form_page
    practice.save()
    assert "Request an appointment" in client.get("/").content.decode()
    form_page.unpublish()
    assert "Request an appointment" not in client.get("/").content.decode()


def test_a_new_closure_shows_in_the_banner_footer_and_json_ld_at_once(client, home_page):
    HolidayHoursPageFactory(parent=home_page)
    set_weekly_hours(WEEKDAYS_8_TO_5)
    with time_machine.travel(timezone.datetime(2026, 11, 20, 10, tzinfo=ZoneInfo("UTC"))):
        assert "Thanksgiving" not in client.get("/").content.decode()
        ClosureFactory(label="Thanksgiving", start_date=date(2026, 11, 26))
        html = client.get("/").content.decode()
    assert html.count("Thanksgiving") >= 2  # the banner, and the clinic's special hours


def test_open_now_ends_at_closing_time_with_nothing_saved(client, one_minute_before_closing):
    with time_machine.travel(one_minute_before_closing, tick=False):
        assert "Open now" in client.get("/").content.decode()
        assert "Open now" in client.get("/").content.decode()  # kept, still true
    after_closing = one_minute_before_closing + timedelta(minutes=1, seconds=1)
    with time_machine.travel(after_closing, tick=False):
        assert "Open now" not in client.get("/").content.decode()


def test_a_new_view_restriction_applies_on_the_next_request(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Staff only", slug="staff-only")
    assert client.get(page.url).status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    response = client.get(page.url)
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()  # Wagtail's password form
    PageViewRestriction.objects.all().delete()
    assert 'name="password"' not in client.get(page.url).content.decode()


def test_a_memoised_tag_is_built_once_per_site_and_needs_a_request(rf, home_page):
    """The tags of website/templatetags keep what they build through @memoised_tag."""
    template = Template("{% load website_tags %}{% main_navigation as nav %}{{ nav|length }}")
    request = rf.get("/")
    with CaptureQueriesContext(connection) as first:
        built = template.render(Context({"request": request}))
    with CaptureQueriesContext(connection) as second:
        assert template.render(Context({"request": rf.get("/blog/")})) == built
    assert len(first) > 0
    assert len(second) == 0
    # No request, no site to build for: the tag's stated answer, and not a query.
    with CaptureQueriesContext(connection) as without_request:
        assert template.render(Context({})) == "0"
    assert len(without_request) == 0


def test_with_the_memo_off_each_request_still_builds_each_fact_once(client, home_page, settings):
    """SITE_MEMO_SECONDS=0 (development; the bench's cold view): nothing is kept between
    requests, but a request reads the installation's languages and view restrictions once, not
    at every link and fragment that asks (what the first view after a publish costs). Nothing
    shared between workers either: each request builds them (tests/website/test_shared_parts.py
    reads them from the shared cache)."""
    settings.SITE_MEMO_SECONDS = 0
    settings.SITE_PARTS_SHARED_SECONDS = 0
    url = home_page.url
    for _ in range(2):  # and again on the next request: nothing was kept
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        tables = [
            query["sql"].split(" FROM ")[1].split()[0]
            for query in captured
            if " FROM " in query["sql"]
        ]
        assert tables.count('"wagtailcore_locale"') == 1
        assert tables.count('"wagtailcore_pageviewrestriction"') == 1


def test_expired_entries_are_swept_after_the_clock_steps_back(rf, home_page):
    """A sweep due "in the future" of a clock that was stepped back (NTP) would never come:
    the worker would hold every dated fragment until the next save."""
    request = rf.get("/")
    ahead = timezone.now() + timedelta(days=3)
    with time_machine.travel(ahead, tick=False):
        site_memo.remember(request, "built while the clock ran ahead", lambda: 1)
    back = ahead - timedelta(days=2)
    with time_machine.travel(back, tick=False):
        site_memo.remember(request, "hours-day:practice:then", lambda: 2)
    with time_machine.travel(back + timedelta(days=1), tick=False):
        site_memo.remember(request, "a day later", lambda: 3)
    names = {key[0] for key in site_memo._entries}
    assert "hours-day:practice:then" not in names
    assert "a day later" in names
