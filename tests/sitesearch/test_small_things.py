"""Details a patient (or a search engine) meets: one canonical link on the large-print page, a
description on the search and not-found pages, a not-found page that offers a way on, a search
result that says why it matched, and /favicon.ico."""

import re

import pytest

from tests.sitesearch.test_seo import SITE, HeadTags

pytestmark = pytest.mark.django_db
HANDOUT = "/handouts/facet-joint-back-pain/"


def head_of(html: str) -> HeadTags:
    tags = HeadTags()
    tags.feed(html)
    return tags


def test_the_large_print_page_has_one_canonical_link_to_the_standard_page(client, demo, settings):
    settings.SITE_URL = SITE
    html = client.get(HANDOUT + "large-print/").content.decode()
    assert re.findall(r'<link rel="canonical" href="([^"]+)"', html) == [f"{SITE}{HANDOUT}"]
    assert f'<meta property="og:url" content="{SITE}{HANDOUT}">' in html


@pytest.mark.parametrize("path", ["/search/", "/search/?q=knee", "/no-such-page/"])
def test_search_and_not_found_pages_have_a_description(path, client, demo):
    description = head_of(client.get(path).content.decode()).meta.get("description")
    assert description and len(description) > 40


def test_the_not_found_page_offers_search_and_the_main_links(client, demo):
    response = client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert re.search(r'<form[^>]*action="/search/"[^>]*role="search"', html)
    main = html[html.index("error-page") :]
    for path in ["/physicians/", "/blog/", "/handouts/", "/request-appointment/"]:
        assert f'href="{path}"' in main, path


def test_a_search_result_says_which_exercise_matched(client, demo):
    html = client.get("/search/?q=knee").content.decode()
    result = html[html.index(f'href="{HANDOUT}"') :]
    result = result[: result.index("</li>")]
    assert "Single Knee-to-Chest" in result and "Double Knee-to-Chest" in result
    assert "Posterior Pelvic Tilt" not in result


def test_favicon_ico_answers(client, demo):
    response = client.get("/favicon.ico", follow=True)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
