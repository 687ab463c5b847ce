"""Sitemap, robots.txt, and the meta tags every page type carries."""

import json
import re
from html.parser import HTMLParser

import pytest
from defusedxml import ElementTree as ET
from wagtail.models import Page

pytestmark = pytest.mark.django_db
SITE = "https://www.example-practice.com"


@pytest.fixture
def public_pages(demo, settings):
    settings.SITE_URL = SITE
    return list(Page.objects.live().public().filter(depth__gt=1).specific())


class HeadTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.links, self.ld = {}, {}, []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content")
        elif tag == "link":
            self.links[attrs.get("rel")] = attrs.get("href")
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld = True

    def handle_data(self, data):
        if self._in_ld:
            self.ld.append(json.loads(data))
            self._in_ld = False


def test_sitemap_lists_every_public_page_on_the_public_address(client, public_pages):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = ET.fromstring(response.content).findall("s:url", ns)
    locations = {url.find("s:loc", ns).text for url in urls}
    assert locations == {f"{SITE}{page.url}" for page in public_pages}
    assert all(url.find("s:lastmod", ns) is not None for url in urls)


def test_robots_txt_keeps_crawlers_out_of_admin_and_search(client, public_pages):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Disallow: /search/" in text
    assert f"Sitemap: {SITE}/sitemap.xml" in text


def test_every_page_type_has_canonical_description_open_graph_and_one_json_ld_graph(
    client, public_pages
):
    for page in public_pages:
        tags = HeadTags()
        tags.feed(client.get(page.url).content.decode())
        assert tags.links["canonical"] == f"{SITE}{page.url}", page.url
        assert tags.meta.get("description"), f"no meta description on {page.url}"
        for name in ["og:title", "og:type", "og:url", "og:image", "twitter:card"]:
            assert tags.meta.get(name), f"{name} missing on {page.url}"
        assert tags.meta["og:image"].startswith(SITE)
        assert len(tags.ld) == 1, page.url
        ids = [node["@id"] for node in tags.ld[0]["@graph"] if "@id" in node]
        assert f"{SITE}/#clinic" in ids
        assert len(ids) == len(set(ids)), f"duplicate @id on {page.url}"


def test_search_page_is_not_indexed_and_canonical_has_no_query(client, public_pages):
    html = client.get("/search/?q=back").content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert re.search(rf'<link rel="canonical" href="{SITE}/search/">', html)
