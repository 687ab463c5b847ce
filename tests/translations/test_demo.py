"""The demo in Spanish: the pages a Spanish-speaking patient needs first, translated in full with
wagtail-localize from translations/demo/es.po."""

import re

from wagtail.models import Locale, Page

from handouts.models import HandoutPage
from translations.demo import catalogue, untranslated_segments


def spanish_version(page) -> Page | None:
    return page.get_translations().filter(locale__language_code="es").live().first()


def english_pages() -> list[Page]:
    """Every public page of the English demo: each must have a Spanish version."""
    pages = Page.objects.live().public().filter(depth__gt=1, locale__language_code="en")
    return list(pages.order_by("path").specific())


def test_the_catalogue_covers_every_segment_of_every_demo_page(demo):
    translations = catalogue("es")
    missing = {page.url: untranslated_segments(page, translations) for page in english_pages()}
    assert {url: texts for url, texts in missing.items() if texts} == {}


def test_every_demo_page_is_served_in_spanish(client, demo):
    for page in english_pages():
        spanish = spanish_version(page)
        assert spanish is not None, page.url
        response = client.get(spanish.url)
        assert response.status_code == 200, spanish.url
        assert spanish.url.startswith("/es/") and spanish.url.count("/es/") == 1
        assert '<html lang="es">' in response.content.decode()
        assert '<html lang="en">' in client.get(page.url).content.decode()


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
