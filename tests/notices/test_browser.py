"""The demo's notices in Chromium: axe-core finds nothing at 390 px and 1280 px (the taglines in
fifteen scripts, two of them right to left, included), and nothing scrolls sideways."""

import pytest

from tests.harness.browser import assert_no_axe_violations, assert_no_sideways_scroll
from tests.harness.pages import LANGUAGES, in_language

from .test_notices import DEMO_NOTICES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [390, 1280])
def test_notices_have_no_axe_violations(page, demo_server, width):
    page.set_viewport_size({"width": width, "height": 900})
    for language, path in [(language, path) for language in LANGUAGES for path in DEMO_NOTICES]:
        page.goto(demo_server.url + in_language(path, language))
        assert page.locator("h1").is_visible(), path
        if language == "en":  # the label is the site's own words, translated with gettext
            assert page.get_by_role("navigation", name="Notices").is_visible(), path
        assert_no_axe_violations(page)
        if width == 390:
            assert_no_sideways_scroll(page)
