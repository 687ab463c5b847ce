from wagtail import hooks
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.ui.components import Component

from .models import DUE_SOON_DAYS
from .reviews import grouped_by_status, pages_due_for_review


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
