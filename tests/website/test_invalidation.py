"""The content version (website/invalidation.py): written with every change in the change's own
transaction, random so a rolled-back one is never reused, read by each worker thread at most
once per recheck interval, and followed by the page cache and the site-wide fragments alike."""

import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import OperationalError, connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from hours.models import HoursSettings
from website.invalidation import ContentVersion, bump, current_version, new_token
from website.models import PracticeSettings, StandardPage

from .factories import StandardPageFactory, build_site

pytestmark = pytest.mark.django_db


def stored_version() -> int:
    return ContentVersion.objects.get().token


class Abandoned(Exception):
    """An editor's save that fails halfway: its transaction rolls back."""


def test_a_page_built_inside_a_rolled_back_change_is_never_served(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Insurance", slug="insurance")
    before = stored_version()
    assert "Never published" not in client.get(page.url).content.decode()
    with pytest.raises(Abandoned), transaction.atomic():
        page.title = "Never published"
        page.save_revision().publish()
        inside = stored_version()
        # Built from the uncommitted change and stored under the uncommitted version.
        assert "Never published" in client.get(page.url).content.decode()
        raise Abandoned
    assert stored_version() == before  # rolled back with the change
    assert "Never published" not in client.get(page.url).content.decode()
    practice = PracticeSettings.objects.get()
    practice.phone = "(312) 555-0199"
    practice.save()  # a later real change: a new version, never the rolled-back one
    assert stored_version() not in (before, inside)
    html = client.get(page.url).content.decode()
    assert "Never published" not in html and "(312) 555-0199" in html


def test_a_cached_page_asks_the_database_at_most_once_per_recheck_interval(
    client, home_page, settings
):
    settings.CONTENT_VERSION_RECHECK_SECONDS = 3600
    client.get("/")
    with CaptureQueriesContext(connection) as within_the_interval:
        assert client.get("/")["X-Cache"] == "HIT"
    assert len(within_the_interval) == 0
    settings.CONTENT_VERSION_RECHECK_SECONDS = 0  # the interval is over at every call
    with CaptureQueriesContext(connection) as after_it:
        assert client.get("/")["X-Cache"] == "HIT"
    [query] = after_it.captured_queries
    assert ContentVersion._meta.db_table in query["sql"]


def test_fragments_follow_a_version_written_by_another_process(
    client, home_page, settings, page_cache_off
):
    """Another worker's save reaches this worker's memory through the database alone: here the
    rows are changed as that worker's transaction would leave them, with no signal in this one."""
    settings.CONTENT_VERSION_RECHECK_SECONDS = 3600
    assert "(312) 555-0100" in client.get("/").content.decode()
    PracticeSettings.objects.update(phone="(312) 555-0199")
    # A setting is a site-wide change: bump() writes both tokens (the site-wide fragments are
    # kept under the site token, website/site_memo.py).
    ContentVersion.objects.update(token=new_token(), site_token=new_token())
    settings.CONTENT_VERSION_RECHECK_SECONDS = 0  # this worker's next look at the version
    html = client.get("/").content.decode()
    assert "(312) 555-0199" in html and "(312) 555-0100" not in html


def test_a_settings_row_created_by_reading_is_no_change_but_a_new_setting_is(home_page):
    site = Site.objects.get()
    before = stored_version()
    HoursSettings.for_site(site)  # what the first page view does: the defaults, saved
    assert stored_version() == before
    PracticeSettings.objects.filter(site=site).delete()
    after_delete = stored_version()
    assert after_delete != before
    PracticeSettings.objects.create(site=site, phone="(312) 555-0123")
    assert stored_version() != after_delete


def test_another_thread_reads_the_version_again_right_after_a_commit(transactional_db, settings):
    """A worker's other threads (gunicorn's gthread workers, Celery's threads) do not wait out
    the recheck interval for a change made in their own process."""
    settings.CONTENT_VERSION_RECHECK_SECONDS = 3600
    with ThreadPoolExecutor(max_workers=1) as other_thread:  # one thread, its own connection
        seen = other_thread.submit(current_version).result()
        assert seen == stored_version()
        bump()  # committed at once: no transaction here
        assert other_thread.submit(current_version).result() == stored_version() != seen
        other_thread.submit(lambda: connection.close()).result()


def test_other_processes_show_a_publish_within_the_recheck_interval(
    start_gunicorn, redis_server, settings
):
    """Two gunicorn processes sharing a Redis cache, as in production: each serves its cached
    copy until it next reads the version, at most CONTENT_VERSION_RECHECK_SECONDS later."""
    page = StandardPageFactory(parent=build_site(), title="Insurance", slug="insurance")
    servers = [start_gunicorn(CACHE_URL=redis_server.url) for _ in range(2)]

    def served(server) -> tuple[str, str]:
        with urllib.request.urlopen(f"{server.url}/insurance/", timeout=10) as response:
            return response.headers.get("X-Cache", ""), response.read().decode()

    for server in servers:
        served(server)
    assert [served(server)[0] for server in servers] == ["HIT", "HIT"]
    page.title = "Insurance we accept"
    page.save_revision().publish()
    published = time.monotonic()
    waits = []
    for server in servers:
        while "Insurance we accept" not in served(server)[1]:
            assert time.monotonic() - published < 10, "the publish never showed"
            time.sleep(0.05)
        waits.append(time.monotonic() - published)
    # The interval, plus what a request takes on a busy machine.
    assert max(waits) < settings.CONTENT_VERSION_RECHECK_SECONDS + 1.0, waits


def test_cached_pages_are_still_served_while_the_database_is_down(client, home_page, settings):
    """Reading the version must not turn a cached page into an error page: nothing can change
    while the database is unreachable, so the version read last still holds."""
    assert client.get("/").status_code == 200
    settings.CONTENT_VERSION_RECHECK_SECONDS = 0  # the worker looks at the version again

    def database_down(execute, sql, params, many, context):
        raise OperationalError("could not connect to server")

    with connection.execute_wrapper(database_down):
        response = client.get("/")
    assert response.status_code == 200
    assert response["X-Cache"] == "HIT"


def test_a_draft_changes_nothing_but_a_live_page_saved_in_full_does(home_page):
    page = StandardPageFactory(parent=home_page, title="Insurance")
    before = stored_version()
    page.title = "Insurance (draft)"
    page.save_revision()  # what "Save draft" does: the live page is as it was
    assert stored_version() == before
    page = StandardPage.objects.get(pk=page.pk)
    page.intro = "Edited in place by a script, no revision."
    page.save()
    assert stored_version() != before
