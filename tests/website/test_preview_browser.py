"""Preview in the page editor, in Chromium: the admin frames the preview of every page type (and
every preview mode: the handout's large print too), while public pages stay unframeable."""

from datetime import date
from pathlib import Path

import pytest

from tests.accounts.factories import StaffFactory, browser_signed_in
from tests.blog.factories import ArticlePageFactory, BlogIndexPageFactory
from tests.handouts.factories import handout_site
from tests.physicians.factories import PhysicianIndexPageFactory, PhysicianPageFactory

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parents[3] / "staff-shots"


@pytest.fixture
def site_pages(home_page, media_in_tmp):
    physicians = PhysicianIndexPageFactory(parent=home_page)
    doctor = PhysicianPageFactory(parent=physicians, title="Anna Weber")
    blog = BlogIndexPageFactory(parent=home_page)
    article = ArticlePageFactory(
        parent=blog, title="Living with sciatica", author=doctor, staff_author=""
    )
    handout = handout_site(
        home_page, slug="facet-program", reviewed_by=doctor, last_reviewed=date(2026, 3, 2)
    )
    return {"home": home_page, "physician": doctor, "article": article, "handout": handout}


def open_preview_panel(page, editor_url: str) -> None:
    """Opens the editor and its preview panel (Wagtail remembers an open panel across pages)."""
    page.goto(editor_url)
    toggle = page.get_by_role("button", name="Toggle preview")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()


def preview_frame_text(page, live_server, page_id: int) -> str:
    open_preview_panel(page, f"{live_server.url}/admin/pages/{page_id}/edit/")
    frame = page.frame_locator("iframe[title='Preview'][src]").last
    frame.locator("main").wait_for(state="visible")
    return frame.locator("h1").first.text_content().strip()


def test_the_editor_shows_the_page_inside_the_preview_panel(page, live_server, site_pages):
    browser_signed_in(page, live_server, StaffFactory(is_superuser=True))
    for name in ("home", "physician", "article", "handout"):
        shown = preview_frame_text(page, live_server, site_pages[name].pk)
        expected = site_pages[name].specific
        assert getattr(expected, "hero_heading", expected.title) in shown, (name, shown)
        if name == "handout":
            SHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SHOTS / "editor-preview-panel.png"))


def test_the_handout_large_print_preview_mode_is_framed(page, live_server, site_pages):
    browser_signed_in(page, live_server, StaffFactory(is_superuser=True))
    handout = site_pages["handout"]
    # The standard preview first: the mode menu acts on a panel that has loaded.
    assert preview_frame_text(page, live_server, handout.pk) == handout.title
    page.get_by_label("Preview mode").select_option(label="Large print")
    frame = page.frame_locator("iframe[title='Preview'][src*='mode=large-print']").last
    frame.locator("body.large-print").wait_for(state="attached", timeout=30_000)
    assert frame.locator("h1").inner_text() == handout.title


def test_a_public_page_cannot_be_framed(page, live_server, site_pages):
    """Another site (here: a page the browser makes up) framing an article gets nothing."""
    url = live_server.url + site_pages["article"].url
    page.goto(live_server.url + "/robots.txt")
    # The frame's load event fires once its navigation has ended, refused or not: the test waits
    # for that, not a second of guessing.
    page.evaluate(
        "url => { const f = document.createElement('iframe'); f.src = url; f.id = 'outside';"
        " f.onload = () => { f.dataset.loaded = 'yes'; }; document.body.appendChild(f); }",
        url,
    )
    page.locator("#outside[data-loaded='yes']").wait_for(state="attached")
    [framed] = page.main_frame.child_frames
    assert site_pages["article"].title not in framed.content()
    response = page.request.get(url)
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
