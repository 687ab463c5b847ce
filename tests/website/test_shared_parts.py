"""What every page shows alike, shared by every worker through the cache (website/shared_parts.py),
on a Redis of the test's own as in production. A worker that "just started" here is this process
after site_memo.forget_all(): it holds nothing in memory and knows no part's name, so all it has
in common with the worker that built the parts is the cache, as another process would."""

import pickle
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from website import page_fragments, site_memo
from website.models import PracticeSettings

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("page_cache_off", "content_version_held"),
]


@pytest.fixture
def redis_cache(redis_server, settings):
    from website.settings.caches import cache_from_url

    settings.CACHES = {"default": cache_from_url(redis_server.url)}
    return redis_server


def another_worker() -> None:
    """Nothing in this process's memory: neither site-wide parts, nor page parts, nor names."""
    site_memo.forget_all()
    page_fragments.forget_all()


def view(client, url: str) -> tuple[set[str], int, str]:
    """The tables a page view read, its number of queries, and its HTML."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    tables = {query["sql"].split(" FROM ")[1].split()[0].strip('"') for query in captured
              if " FROM " in query["sql"]}  # fmt: skip
    return tables, len(captured), response.content.decode()


# Read only to build the parts every page shows (the page itself and its routing read pages).
SITE_PART_TABLES = {
    "wagtailcore_site",
    "website_practicesettings",
    "wagtailcore_locale",
    "wagtailcore_pageviewrestriction",
}


def shared_keys(redis_server) -> list[bytes]:
    return redis_server.client.keys("*site-part:*")


def test_parts_one_worker_built_are_read_by_another_without_their_queries(
    client, home_page, redis_cache, settings
):
    client.get("/")  # the first worker builds the page and every part
    assert len(shared_keys(redis_cache)) >= 10  # site, settings, pages, footer, navigation, …
    another_worker()
    read_tables, read_shared, html = view(client, "/")
    assert "(312) 555-0100" in html
    assert not read_tables & SITE_PART_TABLES, "not one query for a part another worker built"
    settings.SITE_PARTS_SHARED_SECONDS = 0
    another_worker()
    built_tables, built, html = view(client, "/")  # as every worker built them before
    assert "(312) 555-0100" in html
    assert built_tables >= SITE_PART_TABLES
    assert built >= read_shared + 10, (built, read_shared)


def test_a_worker_keeping_nothing_reads_the_parts_in_one_round_trip(
    client, home_page, redis_cache, settings
):
    """SITE_MEMO_SECONDS=0 (the bench's cold view): nothing kept between requests, the parts read
    from the shared cache at every request, all at once once the worker has met their names."""
    settings.SITE_MEMO_SECONDS = 0
    client.get("/")  # builds them, and this process meets their names
    redis_cache.client.config_resetstat()
    client.get("/")
    stats = redis_cache.client.info("commandstats")
    assert stats["cmdstat_mget"]["calls"] == 1
    assert "cmdstat_get" not in stats  # no part read on its own
    assert "cmdstat_set" not in stats and "cmdstat_mset" not in stats  # nor built again


def test_a_site_wide_save_makes_the_next_view_rebuild(client, home_page, redis_cache):
    client.get("/")
    before = set(shared_keys(redis_cache))
    practice = PracticeSettings.objects.get()
    practice.phone = "(312) 555-0199"
    practice.save()  # site-wide: a new site token
    another_worker()
    tables, _, html = view(client, "/")
    assert "(312) 555-0199" in html and "(312) 555-0100" not in html
    assert tables >= SITE_PART_TABLES, "every part built again, none read from before the save"
    assert before < set(shared_keys(redis_cache))  # the old ones stay, under a token unused


def test_an_entry_past_its_clock_change_is_not_served(
    client, one_minute_before_closing, redis_server, settings
):
    """Redis keeps real time: the footer built at 4:59 PM is still there at 5:00:01 on the
    travelling clock, and must not say "Open now" to a worker that reads it then."""
    from website.settings.caches import cache_from_url

    settings.CACHES = {"default": cache_from_url(redis_server.url)}
    with time_machine.travel(one_minute_before_closing, tick=False):
        assert "Open now" in client.get("/").content.decode()
    kept = shared_keys(redis_server)
    after_closing = one_minute_before_closing + timedelta(minutes=1, seconds=1)
    with time_machine.travel(after_closing, tick=False):
        another_worker()
        html = client.get("/").content.decode()
    assert "Open now" not in html and "Closed" in html
    assert set(kept) <= set(shared_keys(redis_server))  # still in Redis, and not served


def test_with_redis_down_each_worker_builds_the_parts_as_before(
    client, home_page, redis_down, settings
):
    for memo_seconds in (300, 0):
        settings.SITE_MEMO_SECONDS = memo_seconds
        for _ in range(2):
            another_worker()
            tables, _, html = view(client, "/")
            assert "(312) 555-0100" in html
            assert tables >= SITE_PART_TABLES  # built from the database


def test_every_part_the_site_tier_keeps_pickles(client, demo, caplog):
    """Redis and the file cache pickle what they keep: a part that did not would be built by
    every worker again (and logged). Every page type, both languages."""
    from wagtail.models import Page

    for page in Page.objects.live().filter(depth__gt=1).specific():
        client.get(page.url)
    names = set()
    for (name, _, _), (_, value) in site_memo._site_entries.items():
        copy = pickle.loads(pickle.dumps(value))  # noqa: S301 -- what the test just pickled
        assert type(copy) is type(value), name
        names.add(name)
    every_page_shows = {"site", "practice-settings", "site-pages", "office-schedules"}
    assert every_page_shows | {"site-footer", "main-navigation", "clinic-node"} <= names
    assert "cannot be shared" not in caplog.text


def test_parts_another_release_built_are_not_read(client, home_page, redis_cache, monkeypatch):
    """A deploy keeps the site token: what the old code rendered (its footer's templates) or
    pickled (its models) must not reach the new code's workers."""
    from website import shared_parts

    client.get("/")  # the old release builds every part
    old_keys = set(shared_keys(redis_cache))
    monkeypatch.setattr(shared_parts, "release", lambda: "the-next-release")
    another_worker()
    tables, _, html = view(client, "/")
    assert "(312) 555-0100" in html
    assert tables >= SITE_PART_TABLES, "every part built again by the new release"
    new_keys = set(shared_keys(redis_cache)) - old_keys
    assert new_keys and all(b":the-next-release:" in key for key in new_keys)


def test_the_release_changes_with_a_template(settings, tmp_path):
    from website import shared_parts

    (tmp_path / "templates").mkdir()
    footer = tmp_path / "templates" / "footer.html"
    footer.write_text("<footer>old</footer>")
    settings.BASE_DIR = tmp_path
    settings.STATIC_ROOT = tmp_path / "static"
    shared_parts.release.cache_clear()
    try:
        before = shared_parts.release()
        shared_parts.release.cache_clear()
        assert shared_parts.release() == before  # the same files, the same release
        footer.write_text("<footer>new</footer>")
        shared_parts.release.cache_clear()
        assert shared_parts.release() != before
    finally:
        shared_parts.release.cache_clear()


class GoneInTheNextRelease:
    """A class the old code pickled into a part, renamed away by the new code."""


def test_a_part_that_cannot_be_unpickled_is_built_again(
    client, home_page, redis_cache, monkeypatch, caplog
):
    client.get("/")
    another_worker()
    for key in shared_keys(redis_cache):  # each part now holds an object of a class …
        redis_cache.client.set(key, pickle.dumps((None, GoneInTheNextRelease())))
    monkeypatch.delattr(__import__(__name__, fromlist=["_"]), "GoneInTheNextRelease")  # … gone
    tables, _, html = view(client, "/")
    assert "(312) 555-0100" in html
    assert tables >= SITE_PART_TABLES
    assert "written by other code are ignored" in caplog.text
