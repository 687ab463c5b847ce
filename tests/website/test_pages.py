"""Every page type of the site's frame renders, and the tree enforces where each may live."""

import pytest
from wagtail.models import Page

from tests.blog.factories import ArticlePageFactory, BlogIndexPageFactory
from tests.handouts.factories import handout_site
from tests.physicians.factories import PhysicianIndexPageFactory, PhysicianPageFactory
from website.models import HomePage, StandardPage

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_shows_hero_phone_and_footer(client, home_page):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 id="hero-heading">Relief from back pain</h1>' in html
    # Click-to-call in international form, in the header and the footer.
    assert html.count('href="tel:+13125550100"') >= 2
    assert "Test Spine Clinic" in html


def test_standard_page_renders_body_blocks(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Insurance we accept",
        slug="insurance",
        body=[
            ("heading", {"text": "Plans", "level": "h2"}),
            ("paragraph", "<p>Most major plans.</p>"),
            ("quote", {"quote": "Friendly staff.", "attribution": "A patient"}),
            ("callout", {"heading": "Bring your card", "text": "<p>And a photo ID.</p>"}),
            (
                "call_to_action",
                {"heading": "Ready?", "text": "", "button_label": "Call", "page": None},
            ),
        ],
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    for expected in ["<h1>Insurance we accept</h1>", "<h2>Plans</h2>", "Most major plans.",
                     "Friendly staff.", "Bring your card", "Ready?"]:  # fmt: skip
        assert expected in html


def test_unknown_url_gets_the_sites_404_page(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We can't find that page" in response.content.decode()
    assert "(312) 555-0100" in response.content.decode()


def test_page_tree_rules(home_page):
    root = Page.get_first_root_node()
    # One home page per site; nothing else at the root.
    assert not HomePage.can_create_at(root)
    assert not StandardPage.can_create_at(root)
    # Standard pages nest under home and under each other, never a home page below them.
    assert StandardPage.can_create_at(home_page)
    child = StandardPageFactory(parent=home_page)
    assert StandardPage.can_create_at(child)
    assert not HomePage.can_create_at(child)


def test_server_error_page_gives_the_phone_number(rf, home_page):
    from website.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert 'href="tel:+13125550100"' in response.content.decode()


def test_home_page_sections_come_in_order_and_empty_ones_are_left_out(client, home_page):
    PhysicianPageFactory(parent=PhysicianIndexPageFactory(parent=home_page))
    handout_site(home_page)
    html = client.get("/").content.decode()
    assert 'id="home-section-latest-articles"' not in html  # no articles yet
    assert html.index('id="home-section-physicians"') < html.index('id="home-section-handouts"')

    ArticlePageFactory(parent=BlogIndexPageFactory(parent=home_page))
    html = client.get("/").content.decode()
    headings = ["latest-articles", "physicians", "handouts"]
    positions = [html.index(f'<h2 id="home-section-{key}">') for key in headings]
    assert positions == sorted(positions)
