"""The new-handout editor in Chromium: an untouched form shows no error."""

import pytest

from tests.accounts.factories import StaffFactory, browser_signed_in

from .factories import HandoutIndexPageFactory

pytestmark = pytest.mark.browser


def test_a_fresh_handout_form_shows_no_error(page, live_server, home_page):
    index = HandoutIndexPageFactory(parent=home_page)
    browser_signed_in(page, live_server, StaffFactory(is_superuser=True))
    page.goto(f"{live_server.url}/admin/pages/add/handouts/handoutpage/{index.pk}/")
    page.get_by_role("tab", name="Exercises").click()
    page.get_by_role("tabpanel", name="Exercises").wait_for()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("The minimum number of items is").count() == 0
    assert page.locator(".error-message:visible, .help-critical:visible").count() == 0
