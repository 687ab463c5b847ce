"""The frame in a real browser: accessibility (axe-core, WCAG 2.2 A/AA) and the phone layout."""

import pytest

from tests.harness.browser import assert_no_axe_violations, assert_no_sideways_scroll
from tests.harness.pages import LANGUAGES, in_language

from .test_phone_layout import PAGE_TYPES

pytestmark = pytest.mark.browser


def test_home_page_leads_with_its_heading(page, demo_server):
    """(axe-core checks the home page with every page type, in both languages and widths.)"""
    page.goto(demo_server.url + "/")
    assert page.locator("h1").inner_text().startswith("Relief from back and neck pain")


def test_skip_link_is_first_and_moves_focus_to_main(page, demo_server):
    page.goto(demo_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_phone_layout_has_no_horizontal_scroll(phone_page, demo_server):
    for path in ["/", "/privacy/"]:
        phone_page.goto(demo_server.url + path)
        assert_no_sideways_scroll(phone_page)


def test_scripts_from_elsewhere_never_load(page, demo_server):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(demo_server.url + "/")
    page.wait_for_load_state("networkidle")
    foreign = [url for url in requests if not url.startswith(demo_server.url)]
    assert requests and foreign == []


# Every page type, and the offices and contact pages: each width and language is a test of its
# own (18 pages, where one test per width had 36), which pytest-xdist can hand to whichever
# process is free. (Halves as well cost more than they balanced: each test is one more browser
# context and renderer.) The handout (with its link back to the condition) and the appointment
# form are checked here only, not again by conditions/ and patients/ (whose checks of a visible
# h1 and, at 390 px, of no sideways scroll every page here now has too).
PATHS = [*PAGE_TYPES.values(), "/locations/", "/locations/downtown/", "/contact/"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", [390, 1280])
def test_every_page_type_has_no_axe_violations_in_every_language(
    page, demo_server, width, language
):
    page.set_viewport_size({"width": width, "height": 900})
    for path in PATHS:
        page.goto(demo_server.url + in_language(path, language))
        assert page.locator("html").get_attribute("lang") == language, path
        assert page.locator("h1").is_visible(), path
        assert_no_axe_violations(page)
        if width == 390:
            assert_no_sideways_scroll(page)
