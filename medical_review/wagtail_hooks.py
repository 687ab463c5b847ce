from django.apps import apps
from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.ui.components import Component

from .models import DUE_SOON_DAYS
from .reviews import grouped_by_status, pages_due_for_review
from .sign_off import (
    PUBLISHED_WITHOUT_SIGN_OFF,
    is_clinical,
    log_publish_without_sign_off,
    must_be_signed_off,
    sign_off_workflow,
)


class ReviewsDuePanel(Component):
    """Dashboard panel: clinical pages whose medical review is overdue or due soon."""

    name = "medical_reviews_due"
    template_name = "medical_review/admin/reviews_due_panel.html"
    order = 50  # Above Wagtail's own panels (workflow 100+, recent edits 250).

    def get_context_data(self, parent_context):
        reviews = pages_due_for_review()
        return {"groups": grouped_by_status(reviews), "due_soon_days": DUE_SOON_DAYS}


@hooks.register("construct_homepage_panels")
def add_reviews_due_panel(request, panels):
    if user_has_any_page_permission(request.user):
        panels.append(ReviewsDuePanel())


@hooks.register("register_log_actions")
def register_sign_off_log_actions(actions):
    actions.register_action(
        PUBLISHED_WITHOUT_SIGN_OFF,
        "Publish without physician sign-off",
        "Published without a physician's sign-off",
    )


@hooks.register("after_publish_page")
def log_clinical_publish_without_sign_off(request, page):
    log_publish_without_sign_off(request, page)


def page_being_created(request):
    """The create view gives its action menu no page: an empty one of the type being added."""
    match = request.resolver_match
    if match is None or match.url_name != "add":
        return None
    model = apps.get_model(
        match.kwargs["content_type_app_name"], match.kwargs["content_type_model_name"]
    )
    return model()


@hooks.register("construct_page_action_menu")
def hide_publish_until_signed_off(menu_items, request, context):
    """A new clinical page's Publish comes from its parent's permissions in Wagtail; editors
    submit it to the physicians instead."""
    page = context.get("page") or page_being_created(request)
    if page is None or not is_clinical(page) or sign_off_workflow() is None:
        return
    if must_be_signed_off(page, request.user):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]
    if context["view"] == "create":
        # Wagtail offers the parent's workflow here (or none); the page goes to the sign-off.
        menu_items[:] = [item for item in menu_items if item.name != "action-submit"]
        menu_items.append(SubmitForSignOffMenuItem(order=60))


class SubmitForSignOffMenuItem(SubmitForModerationMenuItem):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["label"] = f"Submit to {sign_off_workflow().name}"
        return context


@hooks.register("before_publish_page")
def refuse_publish_without_sign_off(request, page):
    """The same rule for a publish posted anyway (an old form, a crafted request): the page is
    kept as a draft and the editor is told how it goes out."""
    if must_be_signed_off(page, request.user):
        if page.live and page.live_revision_id is None:
            # The add view creates the page live before publishing its revision: it is not.
            page.live = False
            page.has_unpublished_changes = True
            page.save(clean=False, update_fields=["live", "has_unpublished_changes"])
        messages.error(
            request,
            f"'{page.get_admin_display_title()}' is kept as a draft: clinical pages are "
            "published when a physician approves them. Choose 'Submit to Physician sign-off'.",
        )
        return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("after_edit_page")
def physicians_return_to_their_dashboard(request, page):
    """After an approval or a request for changes in the editor, Wagtail goes to the page's
    place in the page tree, which physicians (no page permissions) may not browse: they go back
    to the dashboard, where the pages awaiting their review are listed."""
    if request.POST.get("action-workflow-action") and not user_has_any_page_permission(
        request.user
    ):
        return redirect("wagtailadmin_home")
