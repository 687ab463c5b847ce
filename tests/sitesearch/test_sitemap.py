"""/sitemap.xml in both languages: each page with its translations (hreflang, x-default), and a
sitemap index once the pages outnumber one file."""

import pytest
from defusedxml import ElementTree as ET
from wagtail.models import Page

from sitesearch.sitemap import PublicSitemap
from tests.sitesearch.test_seo import SITE

pytestmark = pytest.mark.django_db
NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = SITE


def entries(content: bytes) -> dict[str, dict[str, str]]:
    """loc -> {hreflang: href} of each <url>."""
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in ET.fromstring(content).findall("s:url", NS)
    }


def test_each_translated_page_lists_every_language_and_x_default(client, demo, site_url):
    sitemap = entries(client.get("/sitemap.xml").content)
    english = f"{SITE}/handouts/facet-joint-back-pain/"
    spanish = f"{SITE}/es/folletos/dolor-de-espalda-articulaciones-facetarias/"
    expected = {"en": english, "es": spanish, "x-default": english}
    assert sitemap[english] == expected and sitemap[spanish] == expected
    assert sitemap[f"{SITE}/"] == {"en": f"{SITE}/", "es": f"{SITE}/es/", "x-default": f"{SITE}/"}


def test_a_page_without_a_translation_has_no_alternates(client, demo, site_url):
    english = Page.objects.get(url_path="/home/blog/running-with-back-pain/")
    english.get_translations().get().specific.unpublish()
    sitemap = entries(client.get("/sitemap.xml").content)
    assert sitemap[f"{SITE}/blog/running-with-back-pain/"] == {}
    assert all(len(alternates) in (0, 3) for alternates in sitemap.values())


@pytest.mark.usefixtures("page_cache_off")  # the same address answers two ways in one test
def test_past_the_limit_the_sitemap_becomes_an_index_of_its_pages(
    client, demo, site_url, monkeypatch
):
    whole = entries(client.get("/sitemap.xml").content)
    monkeypatch.setattr(PublicSitemap, "limit", 10)
    response = client.get("/sitemap.xml")
    index = ET.fromstring(response.content)
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    pages = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
    assert pages == [f"{SITE}/sitemap-pages.xml?p={n}" for n in range(1, len(pages) + 1)]
    assert len(pages) == -(-len(whole) // 10) > 1
    combined = {}
    for address in pages:
        part = client.get(address.removeprefix(SITE))
        assert part.status_code == 200
        found = entries(part.content)
        assert len(found) <= 10
        combined.update(found)
    assert combined == whole
    assert client.get(f"/sitemap-pages.xml?p={len(pages) + 1}").status_code == 404
