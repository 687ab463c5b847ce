import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.website.factories import StandardPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]


@pytest.fixture
def pages(home_page):
    StandardPageFactory(
        parent=home_page, title="Facet joint injections", slug="injections",
        intro="How facet joint injections relieve back pain.",
    )  # fmt: skip
    for n in range(12):
        StandardPageFactory(
            parent=home_page, title=f"Back pain note {n}", slug=f"note-{n}",
            intro="About back pain.",
        )  # fmt: skip
    return home_page


def test_results_show_page_type_and_link(client, pages):
    response = client.get("/search/", {"q": "facet injections"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<a href="/injections/">Facet joint injections</a>' in html
    assert "Standard page" in html  # the page type, so patients know what they will open
    assert '<meta name="robots" content="noindex">' in html
    assert {"private", "no-store"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }


def current_page(html: str) -> str:
    """The page number the pagination marks as the one shown."""
    return re.search(r'aria-current="page"><span class="visually-hidden">Page </span>(\d+)<', html)[
        1
    ]


def test_results_are_paginated(client, pages):
    first = client.get("/search/", {"q": "back pain"}).content.decode()
    assert current_page(first) == "1"
    # Each link keeps the query (the shared components/pagination.html, given the query).
    assert 'href="?q=back%20pain&amp;page=2" rel="next">Next</a>' in first
    second = client.get("/search/", {"q": "back pain", "page": "2"}).content.decode()
    assert current_page(second) == "2"
    assert 'href="?q=back%20pain&amp;page=1" rel="prev">Previous</a>' in second
    assert 'rel="next"' not in second
    # A bad or out-of-range page number shows a real page, never an error.
    assert (
        current_page(client.get("/search/", {"q": "back pain", "page": "99"}).content.decode())
        == "2"
    )
    assert (
        current_page(client.get("/search/", {"q": "back pain", "page": "x"}).content.decode())
        == "1"
    )


def test_no_results_offers_the_phone_number(client, pages):
    html = client.get("/search/", {"q": "zebra"}).content.decode()
    assert "No results for “zebra”" in html
    assert "(312) 555-0100" in html


@pytest.mark.parametrize(
    "query",
    ["", "   ", "x" * 10_000, "'; DROP TABLE wagtailcore_page; --", "<script>alert(1)</script>",
     "дорсалгия 背痛 🦴", "\x00\x1f", "AND OR NOT", '"unbalanced', "*"],
)  # fmt: skip
def test_odd_queries_never_error(client, pages, query):
    response = client.get("/search/", {"q": query})
    # A NUL is refused as malformed, at every URL (website/request_guard.py).
    assert response.status_code == (400 if "\x00" in query else 200)
    assert "<script>alert(1)</script>" not in response.content.decode()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=300))
def test_any_text_query_gives_a_page(client, pages, query):
    expected = 400 if "\x00" in query else 200  # NUL: malformed (website/request_guard.py)
    assert client.get("/search/", {"q": query}).status_code == expected


@pytest.mark.django_db
def test_a_rich_text_intro_shows_as_words_not_markup(client, home_page):
    from tests.appointments.factories import AppointmentRequestPageFactory

    AppointmentRequestPageFactory(
        parent=home_page, intro="<p>We call you back &amp; <b>book</b> your visit.</p>"
    )
    html = client.get("/search/", {"q": "appointment"}).content.decode()
    assert "<p>We call you back &amp; book your visit.</p>" in html
    assert "&lt;p&gt;" not in html
