"""A handout's program (its exercises, precautions, care cards and sources: StreamFields) is read
only when the page's content is built (HandoutPage.serving_deferred, website/page_serving.py):
a view served from the worker's kept parts decodes none of it, a view that builds the page reads
all four in one query, and what patients see is the same either way."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from handouts.models import HandoutPage
from website import page_fragments

from .factories import CITATIONS, exercise, handout_site

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("page_cache_off", "content_version_held"),
]
PROGRAM = set(HandoutPage.serving_deferred)


def view(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), [query["sql"] for query in captured]


def reads_program(sql: str) -> bool:
    return all(f'"{field}"' in sql for field in PROGRAM)


def test_a_kept_view_reads_no_program_and_a_built_one_reads_it_once(client, home_page):
    handout = handout_site(home_page, exercises=[("exercise", exercise(1))])
    for url in (handout.url, f"{handout.url}large-print/"):
        view(client, url)  # the worker's first view
        page_fragments.forget_all()
        built, built_sql = view(client, url)
        kept, kept_sql = view(client, url)
        assert kept == built
        assert "Glute Bridge 1" in kept and CITATIONS[0]["title"] in kept
        assert not any(f'"{field}"' in sql for sql in kept_sql for field in PROGRAM), url
        # Large print is served by the handout kept as a page on the way (website/page_serving.py),
        # its program read with the first view's.
        reads = sum(reads_program(sql) for sql in built_sql)
        assert reads == (1 if url == handout.url else 0), url


def test_the_first_program_field_asked_for_reads_them_all_in_one_query(home_page):
    """Pins Django's DeferredAttribute: a deferred field is read, when first asked for, by
    refresh_from_db(fields=[that field]), which PageServingMixin widens to all of them."""
    handout = handout_site(home_page)
    served = HandoutPage.objects.defer(*PROGRAM).get(pk=handout.pk)
    assert served.get_deferred_fields() >= PROGRAM
    with CaptureQueriesContext(connection) as captured:
        exercises = served.exercises
    assert len(captured) == 1 and reads_program(captured[0]["sql"])
    assert len(exercises) == len(handout.exercises) > 0
    assert not PROGRAM & served.get_deferred_fields()
    with CaptureQueriesContext(connection) as captured:
        list(served.citations)
        list(served.care_cards)
    assert len(captured) == 0
