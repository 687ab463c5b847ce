"""Every JSON-LD node that is the page itself (a WebPage, a BlogPosting, a FAQPage …) says the
language it is written in, the same as `<html lang>`, in English and in Spanish."""

import json
import re

import pytest
from wagtail.models import Page

from website.structured_data import PAGE_TYPES

pytestmark = pytest.mark.django_db


def graph(html: str) -> list[dict]:
    [data] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(data)["@graph"]


def test_every_node_describing_a_page_carries_its_language(client, demo):
    checked = {"en": 0, "es": 0}
    for page in Page.objects.live().public().filter(depth__gt=1):
        html = client.get(page.url).content.decode()
        lang = re.search(r'<html lang="([^"]+)"', html).group(1)
        for node in graph(html):
            if node["@type"] in PAGE_TYPES:
                assert node.get("inLanguage") == lang, (page.url, node["@type"])
                checked[lang] += 1
            else:
                assert "inLanguage" not in node, (page.url, node["@type"])
    # Not a vacuous pass: most pages in both languages have such a node.
    assert checked["en"] >= 15 and checked["es"] >= 15
