"""The home page and an article's end, as laid out in Chromium: a section with one card shows
it at a readable width instead of in a wide empty grid, the handout card is as wide as the
others, no blank band sits above the footer, and an article does not end with two
"Request an appointment" calls in a row."""

import pytest

pytestmark = pytest.mark.browser


def test_single_cards_are_not_lost_in_an_empty_grid(page, demo_server):
    page.goto(demo_server.url + "/")
    widths = page.evaluate(
        """() => [...document.querySelectorAll('.section--alt .card-grid')].map(grid => ({
             items: grid.children.length,
             card: grid.children[0].getBoundingClientRect().width,
             grid: grid.getBoundingClientRect().width}))"""
    )
    single = [w for w in widths if w["items"] == 1]
    assert single, "the demo has sections with a single card (its one physician, one handout)"
    for width in single:
        assert width["card"] >= 0.5 * width["grid"], width
    assert len({round(w["card"]) for w in single}) == 1, "the cards differ in width"


def test_no_blank_band_above_the_footer_on_the_home_page(page, demo_server):
    page.goto(demo_server.url + "/")
    gap = page.evaluate(
        """() => document.querySelector('.site-footer').getBoundingClientRect().top
                 - document.querySelector('main').lastElementChild.getBoundingClientRect().bottom"""
    )
    assert gap <= 1


def test_an_article_ends_with_one_appointment_call(page, demo_server):
    page.goto(demo_server.url + "/blog/running-with-back-pain/")
    calls = page.locator("main a", has_text="Request an appointment")
    assert calls.count() == 1
