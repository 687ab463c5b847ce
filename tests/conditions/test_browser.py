"""The A-Z list, a condition and a treatment in Chromium (the demo's): axe-core finds nothing at
390 px (a phone) and 1280 px, and nothing scrolls sideways on the phone. The demo's handout, with
its link back to the condition, is checked the same way with every page type (tests/website/
test_browser.py), in both languages and at both widths, and not twice."""

import pytest

from tests.harness.browser import assert_no_axe_violations, assert_no_sideways_scroll
from tests.harness.pages import LANGUAGES, in_language

pytestmark = pytest.mark.browser

PATHS = [
    "/conditions-treatments/",
    "/conditions-treatments/?area=neck",
    "/conditions-treatments/facet-joint-pain/",
    "/conditions-treatments/facet-joint-injections/",
]


@pytest.mark.parametrize("width", [390, 1280])
def test_pages_have_no_axe_violations(page, demo_server, width):
    page.set_viewport_size({"width": width, "height": 900})
    for path in [in_language(path, language) for language in LANGUAGES for path in PATHS]:
        page.goto(demo_server.url + path)
        assert page.locator("h1").is_visible(), path
        assert_no_axe_violations(page)
        if width == 390:
            assert_no_sideways_scroll(page)
