"""New patients, the questions page and the appointment form with its insurance suggestions, in
Chromium: axe-core finds nothing at 390 px and 1280 px, and nothing scrolls sideways. (The
appointment form itself is checked so with every page type, tests/website/test_browser.py.)"""

import pytest

from tests.harness.browser import assert_no_axe_violations, assert_no_sideways_scroll
from tests.harness.pages import LANGUAGES, in_language

pytestmark = pytest.mark.browser

PATHS = ["/new-patients/", "/new-patients/?plan=medicare", "/questions/"]


@pytest.mark.parametrize("width", [390, 1280])
def test_pages_have_no_axe_violations(page, demo_server, width):
    page.set_viewport_size({"width": width, "height": 900})
    for path in [in_language(path, language) for language in LANGUAGES for path in PATHS]:
        page.goto(demo_server.url + path)
        assert page.locator("h1").is_visible(), path
        assert_no_axe_violations(page)
        if width == 390:
            assert_no_sideways_scroll(page)
    # The suggestions are there for the browser to offer (the demo's plans).
    page.goto(demo_server.url + "/request-appointment/")
    options = page.locator("#insurance-plans option")
    assert options.count() == 6
    assert page.get_by_label("Insurance").get_attribute("list") == "insurance-plans"
