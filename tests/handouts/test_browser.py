"""The handout and the list of handouts in Chromium: axe-core finds nothing, they fit a 320px
phone, and on paper the navigation goes while the practice's name and phone lead the page."""

from datetime import date

import pytest

from tests.harness.browser import assert_no_axe_violations, assert_no_sideways_scroll
from tests.physicians.factories import PhysicianIndexPageFactory, PhysicianPageFactory

from .factories import exercise, handout_site, picture

pytestmark = pytest.mark.browser

PATHS = [
    "/handouts/",
    "/handouts/?condition=back-pain",
    "/handouts/facet-program/",
    "/handouts/facet-program/large-print/",
]

# Every visible element with text in the handout: size and colour as computed for the medium.
TEXT_STYLES = """() => [...document.querySelectorAll('.handout *')]
  .filter(e => e.checkVisibility() && [...e.childNodes].some(
      n => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
  .map(e => ({tag: e.tagName, text: e.textContent.trim().slice(0, 40),
              size: parseFloat(getComputedStyle(e).fontSize), color: getComputedStyle(e).color}))"""


@pytest.fixture
def handout_pages(home_page):
    physicians = PhysicianIndexPageFactory(parent=home_page)
    reviewer = PhysicianPageFactory(parent=physicians)
    image = picture()
    return handout_site(
        home_page,
        slug="facet-program",
        exercises=[("exercise", exercise(n, image=image)) for n in (1, 2)],
        reviewed_by=reviewer,
        last_reviewed=date(2026, 3, 2),
    )


def test_handout_and_index_pages_have_no_axe_violations(page, live_server, handout_pages):
    for path in PATHS:
        page.goto(live_server.url + path)
        assert page.locator("h1").is_visible(), path
        assert_no_axe_violations(page)


def test_pages_fit_a_phone(phone_page, live_server, handout_pages):
    for path in PATHS:
        phone_page.goto(live_server.url + path)
        assert_no_sideways_scroll(phone_page)


def test_print_hides_navigation_and_leads_with_the_practice_and_phone(
    page, live_server, handout_pages
):
    page.goto(live_server.url + "/handouts/facet-program/")
    navigation = page.get_by_role("navigation", name="Main")
    assert navigation.is_visible()
    practice_line = page.locator(".handout__practice")
    assert not practice_line.is_visible()

    page.emulate_media(media="print")
    assert not navigation.is_visible()
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_role("link", name="Download PDF").is_visible()
    assert practice_line.inner_text() == "Test Spine Clinic · Phone (312) 555-0100"
    assert practice_line.bounding_box()["y"] < page.locator("h1").bounding_box()["y"]
    assert page.get_by_role("img", name="QR code that opens this program online").is_visible()
    for card in page.locator(".exercise-card, .care-card").all():
        assert card.evaluate("e => getComputedStyle(e).breakInside") == "avoid"

    styles = page.evaluate(TEXT_STYLES)
    assert len(styles) > 30
    too_small = [s for s in styles if s["size"] < 16]  # 12pt is 16 CSS pixels
    assert not too_small, f"under 12pt on paper: {too_small[:5]}"
    not_black = [s for s in styles if s["color"] != "rgb(0, 0, 0)"]
    assert not not_black, f"not black on paper: {not_black[:5]}"


def test_large_print_is_larger_on_screen_and_on_paper(page, live_server, handout_pages):
    def step_size(path: str) -> float:
        page.goto(live_server.url + path)
        return page.locator(".exercise-card__steps li").first.evaluate(
            "e => parseFloat(getComputedStyle(e).fontSize)"
        )

    assert step_size("/handouts/facet-program/large-print/") >= 1.25 * step_size(
        "/handouts/facet-program/"
    )
    page.emulate_media(media="print")
    assert step_size("/handouts/facet-program/large-print/") >= 24  # 18pt


@pytest.mark.parametrize("large_print", [False, True])
def test_printing_the_demo_handout_leaves_no_last_page_of_footer_lines(
    large_print, page, demo_server
):
    from io import BytesIO

    from pypdf import PdfReader

    path = "/handouts/facet-joint-back-pain/" + ("large-print/" if large_print else "")
    page.goto(demo_server.url + path)
    pages = PdfReader(BytesIO(page.pdf(format="Letter"))).pages
    last = " ".join(pages[-1].extract_text().split())
    assert "Scan the code to open this program" in last, f"the last page holds only: {last!r}"
