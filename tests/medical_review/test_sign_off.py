"""The physicians' sign-off, through the admin's own views: an editor submits a clinical page
and cannot publish it around the physician; a physician approves it (the page then names them
as reviewer) or asks for changes; an administrator may publish directly, and that is logged;
non-clinical pages publish as before."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.models import PageLogEntry, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from accounts.two_factor import needs_two_factor
from handouts.models import HandoutPage
from medical_review.models import MedicalReviewMixin, MedicalReviewSettings
from medical_review.sign_off import PUBLISHED_WITHOUT_SIGN_OFF
from tests.accounts.factories import StaffFactory, login_verified
from tests.handouts.factories import ConditionFactory, HandoutIndexPageFactory, exercise
from tests.handouts.test_admin import handout_form
from tests.physicians.factories import PhysicianIndexPageFactory, PhysicianPageFactory
from tests.website.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def member_of(group_name: str, **fields):
    user = StaffFactory(**fields)
    user.groups.add(Group.objects.get(name=group_name))
    client = Client()
    login_verified(client, user)
    return user, client


@pytest.fixture
def clinic(home_page):
    index = PhysicianIndexPageFactory(parent=home_page)
    physician_user, physician = member_of("Physicians", first_name="Thomas", last_name="Weber")
    weber = PhysicianPageFactory(parent=index, short_name="Dr. Weber", admin_account=physician_user)
    editor_user, editor = member_of("Editors")
    return {
        "handouts": HandoutIndexPageFactory(parent=home_page),
        "weber": weber,
        "physician": physician,
        "physician_user": physician_user,
        "editor": editor,
        "editor_user": editor_user,
        "home": home_page,
    }


def new_handout_form(**fields) -> dict:
    return handout_form(ConditionFactory(name="Back pain"), [exercise(1)], **fields)


def submitted_handout(clinic) -> HandoutPage:
    """The editor writes a new handout and submits it to the physicians, in the add view."""
    form = new_handout_form()
    del form["action-publish"]
    form["action-submit"] = "action-submit"
    response = clinic["editor"].post(
        f"/admin/pages/add/handouts/handoutpage/{clinic['handouts'].pk}/", form
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    return HandoutPage.objects.get(slug="facet-program")


def test_the_migration_sets_up_the_sign_off_for_physicians_without_a_second_factor():
    workflow = MedicalReviewSettings.load().sign_off_workflow
    assert workflow.name == "Physician sign-off" and workflow.active
    [task] = [t.specific for t in workflow.tasks]
    assert [g.name for g in task.groups.all()] == ["Physicians"]
    physician = StaffFactory()
    physician.groups.add(Group.objects.get(name="Physicians"))
    assert physician.has_perm("wagtailadmin.access_admin")
    assert not needs_two_factor(physician)


def test_every_page_type_with_the_medical_review_goes_through_the_sign_off(clinic):
    from django.apps import apps

    clinical = [m for m in apps.get_models() if issubclass(m, MedicalReviewMixin)]
    assert len(clinical) >= 2  # articles and handouts, and whatever comes with the mixin
    workflow = MedicalReviewSettings.load().sign_off_workflow
    for model in clinical:
        assert model().get_workflow() == workflow, model
    assert StandardPageFactory(parent=clinic["home"]).get_workflow() != workflow


def test_an_editor_cannot_publish_a_clinical_page_but_submits_it(clinic):
    add_url = f"/admin/pages/add/handouts/handoutpage/{clinic['handouts'].pk}/"
    html = clinic["editor"].get(add_url).content.decode()
    assert 'name="action-publish"' not in html
    assert "Submit to Physician sign-off" in html

    response = clinic["editor"].post(add_url, new_handout_form(), follow=True)
    handout = HandoutPage.objects.get(slug="facet-program")
    assert not handout.live
    assert "published when a physician approves them" in response.content.decode()

    edit_html = clinic["editor"].get(f"/admin/pages/{handout.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in edit_html
    assert "Submit to Physician sign-off" in edit_html


def test_a_physician_approves_and_the_page_names_them_as_reviewer(clinic):
    handout = submitted_handout(clinic)
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(handout.pk))
    assert state.status == "in_progress" and not handout.live

    dashboard = clinic["physician"].get("/admin/").content.decode()
    assert "Awaiting your review" in dashboard and handout.title in dashboard
    assert clinic["physician"].get(f"/admin/pages/{handout.pk}/edit/").status_code == 200

    task_state = state.current_task_state
    response = clinic["physician"].post(
        f"/admin/pages/workflow/action/{handout.pk}/approve/{task_state.pk}/",
        {"comment": "Checked against the current guideline."},
    )
    assert response.status_code in (200, 302), response.content.decode()[:3000]
    handout.refresh_from_db()
    today = timezone.localdate()
    assert handout.live
    assert handout.reviewed_by == clinic["weber"]
    assert handout.last_reviewed == today
    assert handout.next_review_due == today + HandoutPage.review_interval
    assert (
        TaskState.objects.get(pk=task_state.pk).comment == "Checked against the current guideline."
    )


def test_a_physician_asks_for_changes_with_a_comment(clinic):
    handout = submitted_handout(clinic)
    state = WorkflowState.objects.get(object_id=str(handout.pk))
    clinic["physician"].post(
        f"/admin/pages/workflow/action/{handout.pk}/reject/{state.current_task_state.pk}/",
        {"comment": "Exercise 1 needs a warning about numbness."},
    )
    state.refresh_from_db()
    handout.refresh_from_db()
    assert state.status == "needs_changes" and not handout.live
    assert handout.reviewed_by is None
    edit_html = clinic["editor"].get(f"/admin/pages/{handout.pk}/edit/").content.decode()
    assert "Exercise 1 needs a warning about numbness." in edit_html


def test_only_a_physician_with_a_physician_page_can_sign_off(clinic):
    handout = submitted_handout(clinic)
    _, stranger = member_of("Physicians")
    state = WorkflowState.objects.get(object_id=str(handout.pk))
    stranger.post(
        f"/admin/pages/workflow/action/{handout.pk}/approve/{state.current_task_state.pk}/",
        {"comment": ""},
    )
    handout.refresh_from_db()
    assert not handout.live and handout.reviewed_by is None


def test_an_administrator_may_publish_directly_and_it_is_logged(clinic):
    admin_user, administrator = member_of("Administrators")
    response = administrator.post(
        f"/admin/pages/add/handouts/handoutpage/{clinic['handouts'].pk}/", new_handout_form()
    )
    assert response.status_code == 302
    handout = HandoutPage.objects.get(slug="facet-program")
    assert handout.live
    entry = PageLogEntry.objects.get(page=handout, action=PUBLISHED_WITHOUT_SIGN_OFF)
    assert entry.user == admin_user
    history = administrator.get(f"/admin/pages/{handout.pk}/history/").content.decode()
    assert "Published without a physician&#x27;s sign-off" in history


def test_an_editor_still_publishes_a_non_clinical_page(clinic):
    page = StandardPageFactory(parent=clinic["home"], title="Parking", live=False)
    page.save_revision()
    html = clinic["editor"].get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="action-publish"' in html
    form = nested_form_data(
        {
            "title": "Parking",
            "slug": page.slug,
            "intro": "",
            "body": streamfield([]),
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    response = clinic["editor"].post(f"/admin/pages/{page.pk}/edit/", form)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert not PageLogEntry.objects.filter(action=PUBLISHED_WITHOUT_SIGN_OFF).exists()


def test_the_demo_puts_dr_weber_in_the_physicians_group(demo):
    from physicians.models import PhysicianPage

    weber = PhysicianPage.objects.get(slug="thomas-weber", locale__language_code="en")
    account = weber.admin_account
    assert account.username == "dr.weber"
    assert list(account.groups.values_list("name", flat=True)) == ["Physicians"]
    assert not account.has_usable_password()
    # Kept in the page's latest revision too, so an edit in the admin does not drop it.
    assert weber.get_latest_revision_as_object().admin_account == account
    assert MedicalReviewSettings.load().sign_off_workflow.name == "Physician sign-off"


def test_a_physician_given_request_permissions_needs_two_factors():
    from django.contrib.auth.models import Permission

    physician = StaffFactory()
    physician.groups.add(Group.objects.get(name="Physicians"))
    assert not needs_two_factor(physician)
    physician.user_permissions.add(Permission.objects.get(codename="view_appointmentrequest"))
    physician = type(physician).objects.get(pk=physician.pk)  # permissions are cached per user
    assert needs_two_factor(physician)
