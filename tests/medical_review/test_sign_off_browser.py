"""The physician's side of the sign-off in Chromium: the dashboard lists the page awaiting review,
and "Approve with comment" in the editor publishes it with the physician as reviewer."""

from pathlib import Path

import pytest
from django.utils import timezone

from handouts.models import HandoutPage
from tests.accounts.factories import browser_signed_in

from .test_sign_off import clinic, submitted_handout  # noqa: F401 (the fixture)

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parents[3] / "staff-shots"


def test_a_physician_approves_with_a_comment_in_the_editor(page, live_server, clinic):  # noqa: F811
    handout = submitted_handout(clinic)
    browser_signed_in(page, live_server, clinic["physician_user"])
    page.goto(live_server.url + "/admin/")
    awaiting = page.locator("section", has_text="Awaiting your review")
    awaiting.get_by_role("link", name=handout.title).first.click()

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Approve with comment").click()
    page.get_by_role("dialog").get_by_label("Comment").fill(
        "Checked against the current guideline."
    )
    # The modal's fade-in over, for the screenshot: no animation runs on the dialog or around it
    # (the dashboard's badge pings elsewhere for 25 s).
    page.wait_for_function(
        """() => { const dialog = document.querySelector('[role=dialog]:not([aria-hidden=true])');
             return document.getAnimations().every(a => a.playState !== 'running'
               || !(a.effect.target.contains(dialog) || dialog.contains(a.effect.target))); }"""
    )
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "workflow-approval.png"))
    page.get_by_role("dialog").get_by_role("button", name="Approve with comment").click()
    page.wait_for_url(live_server.url + "/admin/")  # back where the physician came from
    page.get_by_text(f"Page '{handout.title}' has been updated.").wait_for()
    assert "do not have permission" not in page.content()
    page.screenshot(path=str(SHOTS / "workflow-after-approval.png"))

    handout = HandoutPage.objects.get(pk=handout.pk)
    assert handout.live and handout.reviewed_by == clinic["weber"]
    assert handout.last_reviewed == timezone.localdate()
