"""/handouts/: every published handout, filterable by condition (?condition=<slug>)."""

from html import unescape
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from handouts.models import HandoutIndexPage
from website import page_fragments

from .factories import ConditionFactory, HandoutIndexPageFactory, HandoutPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def handouts(home_page):
    index = HandoutIndexPageFactory(parent=home_page)
    facet = ConditionFactory(name="Facet joint pain")
    sciatica = ConditionFactory(name="Sciatica")
    unused = ConditionFactory(name="Knee pain")
    HandoutPageFactory(parent=index, title="Facet program", conditions=[facet])
    HandoutPageFactory(parent=index, title="Sciatica program", conditions=[sciatica])
    HandoutPageFactory(parent=index, title="Core program", conditions=[facet, sciatica])
    draft = HandoutPageFactory(parent=index, title="Draft program", conditions=[facet])
    draft.unpublish()
    return {"facet": facet, "sciatica": sciatica, "unused": unused}


def titles_on(client, path: str) -> tuple[list[str], str]:
    response = client.get(path)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    every = ["Core program", "Facet program", "Sciatica program", "Draft program"]
    return [title for title in every if f">{title}</a>" in html], html


def test_all_published_handouts_are_listed_with_their_conditions(client, handouts):
    shown, html = titles_on(client, "/handouts/")
    assert shown == ["Core program", "Facet program", "Sciatica program"]
    assert "3 exercises · For Facet joint pain, Sciatica" in html
    # The filter offers the conditions that have handouts, and marks "All" as current.
    assert '<a href="/handouts/" aria-current="page">All conditions</a>' in html
    assert '<a href="/handouts/?condition=facet-joint-pain">Facet joint pain</a>' in html
    assert "Knee pain" not in html


def test_filtering_by_condition(client, handouts):
    shown, html = titles_on(client, "/handouts/?condition=sciatica")
    assert shown == ["Core program", "Sciatica program"]
    assert '<h2 class="">Handouts for Sciatica</h2>' in html
    assert 'href="/handouts/?condition=sciatica" aria-current="page">Sciatica</a>' in html


def test_an_unknown_condition_says_so_and_shows_everything(client, handouts):
    shown, html = titles_on(client, "/handouts/?condition=no-such-thing")
    assert "We have no handouts for that condition" in html
    assert shown == ["Core program", "Facet program", "Sciatica program"]
    # A condition with no published handouts is not a filter either.
    shown, html = titles_on(client, "/handouts/?condition=knee-pain")
    assert "We have no handouts for that condition" in html


def test_condition_slug_is_made_from_the_name(db):
    assert ConditionFactory(name="Low back pain (chronic)").slug == "low-back-pain-chronic"


# Built each time (not a page-cache hit), and without the content version's once-a-second
# recheck, a query that comes and goes with the machine's speed.
@pytest.mark.usefixtures("page_cache_off", "content_version_held")
def test_the_list_needs_no_query_per_handout(client, handouts):
    def queries(path: str) -> int:
        client.get(path)
        page_fragments.forget_all()  # counted as built, not as a worker that kept its parts
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    before = {path: queries(path) for path in ["/handouts/", "/"]}
    index = HandoutIndexPage.objects.get(locale__language_code="en")
    for _ in range(5):
        HandoutPageFactory(parent=index, conditions=[handouts["facet"], handouts["sciatica"]])
    assert {path: queries(path) for path in ["/handouts/", "/"]} == before


def test_a_condition_that_is_not_a_slug_is_unknown_even_behind_no_guard(client, handouts, settings):
    # Without the request guard (which refuses NUL everywhere) the view itself must cope:
    # PostgreSQL refuses NUL in a query parameter, and that was a 500.
    guard = "website.request_guard.RequestGuardMiddleware"
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != guard]
    for junk in ["sciatica\x00", "\x00", "facet joint pain", "sciatica'--"]:
        shown, html = titles_on(client, f"/handouts/?{urlencode({'condition': junk})}")
        assert "We have no handouts for that condition" in html
        assert shown == ["Core program", "Facet program", "Sciatica program"]
