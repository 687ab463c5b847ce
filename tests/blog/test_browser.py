"""Blog and physician pages in Chromium: no axe-core (WCAG 2.2 A/AA) violations, no sideways
scrolling on a phone."""

import pytest
import wagtail_factories

from blog.models import ArticlePage
from tests.harness.browser import assert_no_axe_violations, assert_no_sideways_scroll
from tests.harness.served_demo import extend

from .test_pages import every_block

pytestmark = pytest.mark.browser

PAGES = ["/blog/", "/blog/running-with-back-pain/", "/blog/tags/running/", "/physicians/",
         "/physicians/thomas-weber/", "/"]  # fmt: skip


@pytest.fixture
def demo_server_with_every_block(request, demo_server):
    """The served demo with one more article: every block type, and a picture, so axe sees them
    all."""
    extend(request, every_block_article)
    return demo_server


def every_block_article():
    blog = ArticlePage.objects.get(locale__language_code="en").get_parent()
    article = ArticlePage(
        title="Every block",
        slug="every-block",
        staff_author="Pat Lee, physical therapist",
        intro="All the building blocks of an article.",
        hero_image=wagtail_factories.ImageFactory(),
        hero_image_alt="A runner stretching",
        body=every_block(wagtail_factories.ImageFactory()),
    )
    blog.add_child(instance=article)
    article.tags.add("running")
    article.save_revision().publish()


@pytest.mark.parametrize("path", [*PAGES, "/blog/every-block/"])
def test_no_axe_violations(page, demo_server_with_every_block, path):
    response = page.goto(demo_server_with_every_block.url + path)
    assert response.status == 200
    assert_no_axe_violations(page)


def test_phone_layout_has_no_horizontal_scroll(phone_page, demo_server_with_every_block):
    for path in [*PAGES, "/blog/every-block/"]:
        phone_page.goto(demo_server_with_every_block.url + path)
        assert_no_sideways_scroll(phone_page)
