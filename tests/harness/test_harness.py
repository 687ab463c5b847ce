"""The harness itself: Playwright, started only for the browser tests, leaves the test database
and Django's async-safety check as they are for every other test; the shared demo is there for
the tests that ask for it and gone for the others."""

import asyncio
import os

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
