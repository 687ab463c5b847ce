"""The harness itself: Playwright, started only for the browser tests, leaves the test database
and Django's async-safety check as they are for every other test."""

import asyncio
import os

import pytest
from django.core.exceptions import SynchronousOnlyOperation
from django.db import connection
from wagtail.models import Page


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
