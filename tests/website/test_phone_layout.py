"""Every page type on a phone, in Chromium: nothing scrolls sideways at 320 px (large print
included), and a compact header keeps the phone number and "Request an appointment" one tap
away. The large-print page keeps the standard header on a desktop."""

import pytest

from tests.harness.browser import assert_no_sideways_scroll
from tests.harness.pages import LANGUAGES, in_language

pytestmark = pytest.mark.browser

HANDOUT = "/handouts/facet-joint-back-pain/"
PAGE_TYPES = {
    "home": "/",
    "blog": "/blog/",
    "blog tag": "/blog/tags/running/",
    "article": "/blog/running-with-back-pain/",
    "physicians": "/physicians/",
    "physician": "/physicians/thomas-weber/",
    "handouts": "/handouts/",
    "handout": HANDOUT,
    "large print": HANDOUT + "large-print/",
    "holiday hours": "/holiday-hours/",
    "standard page": "/privacy/",
    "appointment form": "/request-appointment/",
    "thank you": "/request-appointment/thank-you/",
    "search": "/search/?q=knee",
    "not found": "/no-such-page/",
}


def header_boxes(page) -> dict:
    return page.evaluate(
        """() => Object.fromEntries(Object.entries({
             header: '.site-header', brand: '.site-header__brand', search: '.site-header__search',
             phone: '.site-header__phone', appointment: '.site-header .button'})
           .map(([name, selector]) => {
             const r = document.querySelector(selector).getBoundingClientRect();
             return [name, {top: r.top, bottom: r.bottom, height: r.height}]; }))"""
    )


@pytest.mark.parametrize("language", LANGUAGES)  # two tests: xdist gives each to a free process
def test_no_page_type_scrolls_sideways_at_320px(phone_page, demo_server, language):
    for path in PAGE_TYPES.values():
        phone_page.goto(demo_server.url + in_language(path, language))
        assert phone_page.locator("html").get_attribute("lang") == language, path
        assert_no_sideways_scroll(phone_page)


@pytest.mark.parametrize("width", [320, 390])
def test_a_phone_header_is_compact_with_phone_and_appointment_in_reach(
    width, phone_page, demo_server
):
    phone_page.set_viewport_size({"width": width, "height": 640})
    for path in ("/", HANDOUT + "large-print/"):
        phone_page.goto(demo_server.url + path)
        boxes = header_boxes(phone_page)
        assert boxes["header"]["height"] <= 200, f"{path}: header {boxes['header']['height']}px"
        assert boxes["appointment"]["bottom"] <= boxes["header"]["bottom"]
        line_height = phone_page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('.site-header__phone')).lineHeight)"
        )
        assert boxes["phone"]["height"] < 1.5 * line_height, "the phone number wraps"


def test_the_large_print_header_keeps_its_desktop_layout(page, demo_server):
    page.goto(demo_server.url + HANDOUT)
    standard = header_boxes(page)
    page.goto(demo_server.url + HANDOUT + "large-print/")
    large = header_boxes(page)
    assert large["phone"]["top"] < large["brand"]["bottom"], "actions dropped under the name"
    assert large["header"]["height"] == pytest.approx(standard["header"]["height"], abs=2)
