"""English at today's addresses, Spanish under /es/, and the way between them."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import StandardPageFactory, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_page):
    return StandardPageFactory(parent=home_page, title="About us", slug="about", show_in_menus=True)


@pytest.fixture
def spanish_home(home_page):
    return translate(home_page, title="Inicio", hero_heading="Alivio del dolor de espalda")


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def switcher_links(response) -> list[tuple[str, str]]:
    """(hreflang, href) of the header's language links."""
    return re.findall(
        r'<a class="language-switcher" href="([^"]+)" hreflang="([^"]+)"', response.content.decode()
    )


def alternates(response) -> dict[str, str]:
    found = re.findall(
        r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', response.content.decode()
    )
    return dict(found)


def test_english_keeps_its_addresses_and_never_varies_by_the_browsers_language(client, about):
    for url in ("/", "/about/"):
        response = client.get(url, headers={"accept-language": "es"})
        assert response.status_code == 200, url
        assert html_lang(response) == "en"
        assert response["Content-Language"] == "en"
        # One copy for everyone in the page cache and any CDN.
        assert "Accept-Language" not in response.get("Vary", "")


def test_a_spanish_address_with_no_spanish_page_is_not_found(client, about):
    """Not the English page under a Spanish address (duplicate content, wrong `lang`)."""
    assert client.get("/es/").status_code == 404
    assert client.get("/es/about/").status_code == 404


def test_the_spanish_home_page_is_served_in_spanish(client, spanish_home):
    response = client.get("/es/")
    assert response.status_code == 200
    assert html_lang(response) == "es"
    assert response["Content-Language"] == "es"
    assert "Alivio del dolor de espalda" in response.content.decode()
    english = client.get("/").content.decode()
    assert "Alivio del dolor de espalda" not in english


def test_the_switcher_leads_to_the_same_page_in_the_other_language(client, spanish_home):
    assert switcher_links(client.get("/")) == [("/es/", "es")]
    assert switcher_links(client.get("/es/")) == [("/", "en")]


def test_a_page_not_yet_translated_leads_to_the_spanish_home_page_and_says_so(
    client, spanish_home, about
):
    response = client.get("/about/")
    assert switcher_links(response) == [("/es/", "es")]
    assert "esta página aún no está en español" in response.content.decode()
    # A search engine is told of no Spanish version: the home page is not one.
    assert alternates(response) == {}


def test_translated_pages_are_paired_for_search_engines(client, spanish_home):
    expected = {
        "en": f"{settings.SITE_URL}/",
        "es": f"{settings.SITE_URL}/es/",
        "x-default": f"{settings.SITE_URL}/",
    }
    assert alternates(client.get("/")) == expected
    assert alternates(client.get("/es/")) == expected


def test_each_language_has_its_own_navigation_while_kept_in_memory(client, spanish_home, about):
    translate(about, title="Sobre nosotros")
    client.get("/")  # the English navigation is built and kept first
    spanish = client.get("/es/").content.decode()
    assert "Sobre nosotros" in spanish
    assert ">About us<" not in spanish
    english = client.get("/").content.decode()
    assert ">About us<" in english
    assert "Sobre nosotros" not in english


def test_a_spanish_page_costs_the_queries_an_english_one_does(
    client, spanish_home, about, page_cache_off, content_version_held
):
    translate(about, title="Sobre nosotros")

    def queries(url: str) -> int:
        client.get(url)  # per-worker memory warmed, as in production
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    assert queries("/es/about/") == queries("/about/")
    assert queries("/es/") == queries("/")


def test_search_finds_pages_in_the_language_it_is_asked_in(client, spanish_home, about):
    translate(about, title="Sobre nosotros", intro="Quiénes somos y dónde atendemos.")
    english = client.get("/search/", {"q": "about"}).content.decode()
    assert "/about/" in english and "/es/about/" not in english
    spanish = client.get("/es/search/", {"q": "nosotros"}).content.decode()
    assert "/es/about/" in spanish
    assert 'href="/about/"' not in spanish


def test_a_spanish_request_leaves_the_thread_in_english(client, spanish_home):
    """What runs next in the worker's thread outside a request is not in Spanish."""
    from django.utils import translation

    assert client.get("/es/").status_code == 200
    assert translation.get_language() == "en"
