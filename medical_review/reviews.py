"""Which clinical pages need a medical review, and who is told about them.

Page types are discovered, not listed: every page model that inherits MedicalReviewMixin counts,
so a new clinical page type (patient handouts, say) shows up here without a change.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.models import get_page_models

from .models import DUE_SOON_DAYS, MedicalReviewMixin

EDITORS_GROUP = "Editors"

# The order groups are shown in: the most urgent first.
STATUS_ORDER = ["overdue", "not reviewed", "due soon"]
STATUS_HEADINGS = {
    "overdue": "Overdue",
    "not reviewed": "Never reviewed",
    "due soon": f"Due within {DUE_SOON_DAYS} days",
}


@dataclass(frozen=True)
class ReviewDue:
    page: object
    status: str
    due: date | None

    @property
    def title(self) -> str:
        """The page's title, with its language when it is not the site's first one: each
        language's page is reviewed on its own."""
        from website.page_serving import locale_languages

        code = locale_languages().get(self.page.locale_id, settings.LANGUAGE_CODE)
        if code == settings.LANGUAGE_CODE:
            return self.page.title
        return f"{self.page.title} ({dict(settings.LANGUAGES).get(code, code)})"

    @property
    def admin_path(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    @property
    def admin_url(self) -> str:
        return f"{settings.WAGTAILADMIN_BASE_URL}{self.admin_path}"

    @property
    def status_heading(self) -> str:
        return STATUS_HEADINGS[self.status]


def review_models() -> list[type]:
    """Every concrete page type that carries a medical review."""
    return [
        model
        for model in get_page_models()
        if issubclass(model, MedicalReviewMixin) and not model._meta.abstract
    ]


def pages_due_for_review(today: date | None = None) -> list[ReviewDue]:
    """Live pages whose review is overdue, due within DUE_SOON_DAYS, or was never done.

    Drafts are left out: nothing unpublished is in front of patients yet.
    """
    today = today or timezone.localdate()
    horizon = today + timedelta(days=DUE_SOON_DAYS)
    due, seen = [], set()
    for model in review_models():
        pages = model.objects.live().filter(
            Q(next_review_due__lte=horizon) | Q(next_review_due__isnull=True)
        )
        for page in pages.only("id", "title", "next_review_due", "locale_id"):
            # A page type that subclasses another reviewed type would be found twice.
            if page.pk not in seen:
                seen.add(page.pk)
                due.append(ReviewDue(page, page.review_status(today), page.next_review_due))
    due.sort(key=lambda r: (STATUS_ORDER.index(r.status), r.due or today, r.title))
    return due


def grouped_by_status(reviews: list[ReviewDue]) -> list[tuple[str, list[ReviewDue]]]:
    return [
        (STATUS_HEADINGS[status], [r for r in reviews if r.status == status])
        for status in STATUS_ORDER
        if any(r.status == status for r in reviews)
    ]


def editor_emails() -> list[str]:
    """Members of the 'Editors' group; if that group has no one with an address, superusers."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    editors = users.filter(groups__name=EDITORS_GROUP)
    chosen = editors if editors.exists() else users.filter(is_superuser=True)
    return sorted(set(chosen.values_list("email", flat=True)))
