"""Keyboard users in a real browser: a focus ring that shows on every surface the design has,
and a header whose Tab order follows what the eye sees."""

from itertools import pairwise

import pytest

from tests.harness.browser import focus_ring_contrast

pytestmark = pytest.mark.browser

ARTICLE = "/blog/running-with-back-pain/"
# One focusable element on each surface: the light page, the dark footer (#06394b) and the
# article's call-to-action box (#0a5a75).
SURFACES = {
    "page": (ARTICLE, ".site-header__brand"),
    "light section": ("/", ".section--alt a"),
    "footer": (ARTICLE, ".site-footer a"),
    "call-to-action box": (ARTICLE, ".cta .button"),
}


@pytest.mark.parametrize("surface", SURFACES)
def test_the_focus_ring_stands_out_3_to_1_on_every_surface(surface, page, demo_server):
    path, selector = SURFACES[surface]
    page.goto(demo_server.url + path)
    ratio = focus_ring_contrast(page, selector)
    assert ratio >= 3, f"focus ring on the {surface} is {ratio:.2f}:1"


def test_the_header_tab_order_is_its_visual_order(page, demo_server):
    for width in (1280, 390, 320):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(demo_server.url + "/")
        boxes = page.evaluate(
            """() => [...document.querySelectorAll('.site-header a, .site-header button')]
                 .map(el => { const r = el.getBoundingClientRect();
                   const text = el.textContent.trim();
                   return {text, top: r.top, bottom: r.bottom, left: r.left}; })"""
        )
        for before, after in pairwise(boxes):
            same_row = after["top"] < before["bottom"] and before["top"] < after["bottom"]
            in_order = (
                after["left"] > before["left"] if same_row else after["top"] >= before["bottom"]
            )
            assert in_order, f"at {width}px Tab goes from {before['text']!r} to {after['text']!r}"
