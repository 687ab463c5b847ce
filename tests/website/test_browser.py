"""The frame in a real browser: accessibility (axe-core, WCAG 2.2 A/AA) and the phone layout."""

import pytest
from django.core.management import call_command

from tests.harness.browser import assert_no_axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_site(transactional_db):
    call_command("load_demo")


def test_home_page_has_no_axe_violations(page, live_server, demo_site):
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text().startswith("Relief from back and neck pain")
    assert_no_axe_violations(page)


def test_skip_link_is_first_and_moves_focus_to_main(page, live_server, demo_site):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_phone_layout_has_no_horizontal_scroll(phone_page, live_server, demo_site):
    for path in ["/", "/privacy/"]:
        phone_page.goto(live_server.url + path)
        overflow = phone_page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow == 0, f"{path} scrolls sideways by {overflow}px at 320px wide"


def test_scripts_from_elsewhere_never_load(page, live_server, demo_site):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(live_server.url + "/")
    page.wait_for_load_state("networkidle")
    foreign = [url for url in requests if not url.startswith(live_server.url)]
    assert requests and foreign == []
