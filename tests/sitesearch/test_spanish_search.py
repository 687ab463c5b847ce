"""Search in Spanish: on PostgreSQL a Spanish page is indexed, and a Spanish query parsed, with
PostgreSQL's Spanish stemmer (sitesearch/backend.py), so another form of a word finds it."""

import pytest
from django.conf import settings
from django.db import connection

from tests.website.factories import StandardPageFactory, translate

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("search_index"),
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="stemming per language is PostgreSQL's (text search configurations); SQLite's "
        "FTS5 index does no stemming in any language. CI runs this on PostgreSQL "
        "(DATABASE_URL=postgres://…).",
    ),
]


@pytest.fixture
def walking(home_page):
    """An English page and its Spanish translation, about walking."""
    translate(home_page, title="Inicio")
    english = StandardPageFactory(
        parent=home_page, title="Walking", slug="walking", intro="One exercise a day."
    )
    translate(
        english, title="Caminar", slug="caminar", intro="Un ejercicio al día para su espalda."
    )
    return english


def results(client, address: str, query: str) -> str:
    response = client.get(address, {"q": query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("query", ["caminando", "ejercicios", "espaldas"])
def test_another_form_of_a_spanish_word_finds_the_spanish_page(client, walking, query):
    assert connection.vendor == "postgresql"
    assert 'href="/es/caminar/"' in results(client, "/es/search/", query)


def test_the_english_stemmer_alone_would_not_have_found_it(walking):
    # The control: "caminando" and "caminar" share no English stem, so the find above is the
    # Spanish configuration's doing, not a coincidence of English rules.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('english', 'Caminar') @@ plainto_tsquery('english', 'caminando'),"
            " to_tsvector('spanish', 'Caminar') @@ plainto_tsquery('spanish', 'caminando')"
        )
        assert cursor.fetchone() == (False, True)


def test_english_pages_are_still_stemmed_in_english(client, walking):
    html = results(client, "/search/", "exercises walk")
    assert 'href="/walking/"' in html and "/es/" not in html.split("<main", 1)[1]
