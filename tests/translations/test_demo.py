"""The demo in Spanish: the pages a Spanish-speaking patient needs first, translated in full with
wagtail-localize from translations/demo/es.po."""

import re

from wagtail.models import Locale, Page

from handouts.models import HandoutPage
from translations.demo import catalogue, untranslated_segments

# The English demo pages that must have a Spanish version, by their English address.
REQUIRED = [
    "/",
    "/request-appointment/",
    "/holiday-hours/",
    "/handouts/",
    "/handouts/facet-joint-back-pain/",
]


def spanish_version(page) -> Page | None:
    return page.get_translations().filter(locale__language_code="es").live().first()


def english_page(url: str, client) -> Page:
    return Page.find_for_request(client.get(url).wsgi_request, url).specific


def test_the_catalogue_covers_every_segment_of_the_required_pages(client, demo):
    translations = catalogue("es")
    missing = {
        url: untranslated_segments(english_page(url, client), translations) for url in REQUIRED
    }
    assert {url: texts for url, texts in missing.items() if texts} == {}


def test_each_required_page_is_served_in_spanish(client, demo):
    for url in REQUIRED:
        spanish = spanish_version(english_page(url, client))
        assert spanish is not None, url
        response = client.get(spanish.url)
        assert response.status_code == 200, spanish.url
        assert spanish.url.startswith("/es/")
        assert '<html lang="es">' in response.content.decode()


def test_the_spanish_handout_has_the_seven_exercises_in_spanish(client, demo):
    english = HandoutPage.objects.get(locale=Locale.get_default())
    spanish = spanish_version(english).specific
    names = [block.value["name"] for block in spanish.exercises]
    english_names = [block.value["name"] for block in english.exercises]
    translations = catalogue("es")
    assert names == [translations[name] for name in english_names]
    assert len(names) == 7 and not set(names) & set(english_names)
    page = client.get(spanish.url).content.decode()
    for name in names:
        assert name in page


def test_the_spanish_pages_are_paired_with_the_english_ones(client, demo):
    english = client.get("/request-appointment/").content.decode()
    [spanish_url] = re.findall(r'hreflang="es" href="[^"]*?(/es/[^"]*)"', english)
    assert client.get(spanish_url).status_code == 200
