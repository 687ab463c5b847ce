"""The harness itself: Playwright, started only for the browser tests, leaves the test database
and Django's async-safety check as they are for every other test; the shared demo is there for
the tests that ask for it and gone for the others; the served demo is committed, served, and
its tests run after every other database test."""

import asyncio
import os
import urllib.request

import pytest
from django.core.exceptions import SynchronousOnlyOperation
from django.db import connection
from wagtail.models import Page

from website.models import HomePage


@pytest.mark.browser
def test_a_browser_test_uses_the_connection_that_keeps_the_test_database_state(page, live_server):
    # pytest-django keeps what migrations created on this object and puts it back after each
    # transactional test; a fresh connection object would not, and the next tests would find
    # the tables empty.
    assert hasattr(connection, "_test_serialized_contents")
    assert Page.objects.filter(depth=1).exists()
    page.goto(live_server.url + "/robots.txt")
    assert os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] == "true"  # only while Playwright runs


@pytest.mark.django_db
def test_other_tests_keep_djangos_check_against_orm_calls_from_async_code():
    async def count_pages():
        return Page.objects.count()

    with pytest.raises(SynchronousOnlyOperation):
        asyncio.run(count_pages())


def test_a_test_that_asks_for_the_demo_finds_it(demo):
    assert HomePage.objects.filter(slug="home").exists()
    assert Page.objects.filter(slug="thomas-weber").exists()


def test_a_test_after_it_that_commits_finds_no_demo(transactional_db):
    # Tests that roll back run first, those sharing the demo last among them (tests/harness/
    # demo.py), so this one comes after; the shared demo was rolled back before it began.
    assert not HomePage.objects.exists()
    assert Page.objects.filter(depth=1).exists()  # what migrations created is still there


def test_the_served_demo_is_committed_and_served_by_a_live_server(demo_server):
    assert HomePage.objects.filter(locale__language_code="en").exists()
    assert not connection.in_atomic_block  # committed: no test transaction around it
    html = urllib.request.urlopen(demo_server.url + "/", timeout=30).read().decode()
    assert "Relief from back and neck pain" in html


def test_the_served_demos_tests_run_after_every_other_database_test(request):
    items = request.session.items
    served = [n for n, item in enumerate(items) if "demo_server" in item.fixturenames]
    others = [
        n
        for n, item in enumerate(items)
        if "demo_server" not in item.fixturenames and "django_db_setup" in item.fixturenames
    ]
    assert served and others and max(others) < min(served)


def test_the_tests_that_need_no_database_run_first(request):
    """While they run, the demo builder migrates the template (tests/harness/demo_prebuild.py)."""
    from tests.harness.demo import uses_database

    needs = [uses_database(item) for item in request.session.items]
    assert False in needs and True in needs
    assert needs.index(True) > max(n for n, need in enumerate(needs) if not need)


def test_settle_fails_at_once_when_a_worker_stops_by_itself(start_worker):
    """Not after its 60 s timeout: a crashed worker (kombu's file broker once stopped one with a
    JSONDecodeError) takes nothing more."""
    import signal
    import time

    from tests.harness.worker import settle

    worker = start_worker()
    os.kill(worker.process.pid, signal.SIGKILL)  # not worker.kill(): the test did not mean it
    worker.process.wait(timeout=10)
    started = time.monotonic()
    with pytest.raises(AssertionError, match="stopped by itself"):
        settle(worker, timeout=30)
    assert time.monotonic() - started < 5
