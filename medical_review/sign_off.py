"""The physicians' sign-off of clinical pages, through Wagtail's own workflows.

Editors submit a clinical page; a member of the Physicians group approves it (or asks for
changes with a comment) in the admin. On approval the page's reviewer and review dates are filled
in from the approval and the page is published (WAGTAIL_FINISH_WORKFLOW_ACTION). Editors cannot
publish a clinical page around the sign-off; administrators can, and each time is logged.
"""

import logging

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.utils import timezone

# Nothing from wagtail.models at import time: Wagtail imports this module (its finish action)
# while wagtail.models itself is being imported.

logger = logging.getLogger(__name__)

PHYSICIANS_GROUP = "Physicians"
# Members of this group (and superusers) may publish a clinical page without a sign-off.
OVERRIDE_GROUP = "Administrators"
SIGN_OFF_WORKFLOW_NAME = "Physician sign-off"
SIGN_OFF_TASK_NAME = "A physician checks the page"
PUBLISHED_WITHOUT_SIGN_OFF = "medical_review.publish_without_sign_off"


def sign_off_workflow():
    """The active workflow clinical pages go through, or None (then they publish as any page)."""
    # By name, not import: models.py asks this module (through its permission tester).
    workflow = apps.get_model("medical_review", "MedicalReviewSettings").load().sign_off_workflow
    return workflow if workflow is not None and workflow.active else None


def is_clinical(page) -> bool:
    """True for a page of a type with the medical review (MedicalReviewMixin), however it was
    loaded (a plain Page from a listing, or a new page not saved yet)."""
    page_type = page.specific_class or type(page)
    return getattr(page_type, "requires_sign_off", False) or getattr(
        type(page), "requires_sign_off", False
    )


def may_publish_without_sign_off(user) -> bool:
    return user.is_superuser or user.groups.filter(name=OVERRIDE_GROUP).exists()


def physician_page_for(user):
    """The physician page of the signed-in physician (the 'admin account' on their page)."""
    from physicians.models import PhysicianPage

    return PhysicianPage.objects.filter(admin_account=user).first()


def publish_signed_off(workflow_state, user=None):
    """What Wagtail does when a workflow finishes: publish the latest revision. For a clinical
    page signed off by a physician, the revision published first names that physician as its
    reviewer, today as the review date, and the next review from the page type's interval."""
    page = workflow_state.content_object.specific_deferred
    if not (
        is_clinical(page) and workflow_state.workflow_id == getattr(sign_off_workflow(), "pk", None)
    ):
        from wagtail.workflows import publish_workflow_state

        return publish_workflow_state(workflow_state, user=user)
    physician = physician_page_for(user) if user is not None else None
    if physician is None:
        # Rolls back the approval with it: nobody but a physician signs a clinical page off.
        logger.warning("sign-off refused: user %s has no physician page", getattr(user, "pk", None))
        raise PermissionDenied("Only a physician with a physician page can sign a page off.")
    draft = page.get_latest_revision_as_object()
    today = timezone.localdate()
    draft.reviewed_by = physician
    draft.last_reviewed = today
    draft.next_review_due = today + draft.review_interval
    revision = draft.save_revision(user=user, changed=False, log_action=False)
    workflow_state.copy_approved_task_states_to_revision(revision)
    # The physician's approval is what allows this publish; they hold no publish permission.
    revision.publish(user=user, skip_permission_checks=True)


def log_publish_without_sign_off(request, page) -> None:
    """A clinical page published from the editor (only those who may bypass the sign-off can)
    skipped the physician: that is logged in the page's history and the server's log. A
    sign-off publishes through the workflow's approval, never through this hook."""
    from wagtail.log_actions import log

    if not is_clinical(page) or sign_off_workflow() is None:
        return
    log(instance=page, action=PUBLISHED_WITHOUT_SIGN_OFF, user=request.user)
    logger.warning(
        "clinical page %s published without sign-off by user %s", page.pk, request.user.pk
    )


def must_be_signed_off(page, user) -> bool:
    """True when this user may not publish this page without a physician's sign-off."""
    return (
        is_clinical(page)
        and sign_off_workflow() is not None
        and not may_publish_without_sign_off(user)
    )
