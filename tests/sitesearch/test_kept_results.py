"""Search results kept by the worker under the content version (website/page_fragments.py's
view parts, sitesearch/views.py): a search made again is served without reading or rendering
its results, never stale after a change, never another query's, never a response's own token."""

import pytest
from django.db import connection
from django.middleware.csrf import get_token
from django.test.utils import CaptureQueriesContext

from tests.website.factories import StandardPageFactory, translate
from website import page_fragments

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("page_cache_off", "content_version_held", "search_index"),
]


@pytest.fixture
def pages(home_page):
    StandardPageFactory(parent=home_page, title="Knee pain after running", slug="knee")
    for n in range(12):
        StandardPageFactory(
            parent=home_page, title=f"Back pain note {n}", slug=f"note-{n}", intro="Back pain."
        )
    return home_page


def search(client, query: dict) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/search/", query)
    assert response.status_code == 200
    return response.content.decode(), len(captured)


def test_a_search_made_again_is_the_same_html_without_queries(client, pages):
    built, built_queries = search(client, {"q": "knee"})
    kept, kept_queries = search(client, {"q": "knee"})
    assert kept == built
    assert "Knee pain after running" in kept
    assert built_queries > 0 and kept_queries == 0


def test_a_publish_shows_in_a_kept_search_at_once(client, pages, home_page):
    assert "Knee brace basics" not in search(client, {"q": "knee"})[0]
    assert search(client, {"q": "knee"})[1] == 0  # kept
    StandardPageFactory(parent=home_page, title="Knee brace basics", slug="brace")
    html, queries = search(client, {"q": "knee"})
    assert "Knee brace basics" in html and queries > 0


def test_another_query_string_is_never_served_another_ones_results(client, pages):
    knee, _ = search(client, {"q": "knee"})
    back, _ = search(client, {"q": "back"})
    assert "Knee pain after running" in knee and "Back pain note" not in knee
    assert "Back pain note" in back and "Knee pain after running" not in back
    first, _ = search(client, {"q": "back"})
    second, _ = search(client, {"q": "back", "page": "2"})
    assert 'start="1"' in first and 'start="11"' in second
    # Junk around the same words is the same search: its results and its echo are the words.
    # (The header's language switch links to the same address, so it keeps what was sent.)
    noisy, queries = search(client, {"q": "  knee!! ", "utm_source": "mail"})
    assert main(noisy) == main(knee) and queries == 0
    assert 'name="q" value="knee"' in main(noisy)


def main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def test_the_echo_of_the_words_stays_escaped_when_kept(client, pages):
    built, _ = search(client, {"q": "knee o'brien"})
    kept, queries = search(client, {"q": "knee o'brien"})
    assert queries == 0 and kept == built
    assert 'value="knee o&#x27;brien"' in kept and "o'brien" not in kept


def test_a_page_out_of_range_or_not_a_number_is_served_but_not_kept(client, pages):
    for junk in ("99", "x", "02", "-1"):
        html, _ = search(client, {"q": "back", "page": junk})
        _, again = search(client, {"q": "back", "page": junk})
        assert again > 0, junk  # built each time
        assert 'class="search-results"' in html
    kept = [key[4] for key in page_fragments._views.entries if key[0] == "content"]
    assert kept == []


def test_each_language_keeps_its_own(client, pages, home_page):
    translate(home_page, title="Inicio")
    english, _ = search(client, {"q": "knee"})
    assert "Knee pain after running" in english
    response = client.get("/es/search/", {"q": "knee"})
    assert response.status_code == 200
    spanish = response.content.decode()
    assert "Knee pain after running" not in spanish  # an English page: not a Spanish result
    assert 'lang="es"' in spanish


def test_only_the_searches_made_last_are_kept(client, pages, settings):
    settings.SEARCH_RESULTS_KEPT = 1
    search(client, {"q": "knee"})
    assert search(client, {"q": "knee"})[1] == 0
    search(client, {"q": "back"})  # pushes the first search's results out
    assert search(client, {"q": "knee"})[1] > 0


def test_zero_turns_it_off_and_leaves_the_pages_parts_alone(client, pages, settings):
    settings.SEARCH_RESULTS_KEPT = 0
    search(client, {"q": "knee"})
    assert search(client, {"q": "knee"})[1] > 0
    assert not page_fragments._views.entries


def test_many_searches_do_not_push_out_the_pages_parts(client, pages, settings):
    settings.PAGE_FRAGMENTS_KEPT = 1
    client.get("/knee/")
    pages_kept = list(page_fragments._pages.entries)
    for n in range(5):
        search(client, {"q": f"note {n}"})
    assert list(page_fragments._pages.entries) == pages_kept != []


def test_a_view_part_that_used_the_csrf_token_is_not_kept(rf, settings):
    request = rf.get("/search/", {"q": "knee"})
    page_fragments.keep_view_parts(request, ("knee", 1))
    html = page_fragments.rendered_once("content", request, None, lambda: get_token(request))
    assert html and not page_fragments._views.entries
    plain = rf.get("/search/", {"q": "knee"})
    page_fragments.keep_view_parts(plain, ("knee", 1))
    page_fragments.rendered_once("content", plain, None, lambda: "<p>results</p>")
    assert len(page_fragments._views.entries) == 1
