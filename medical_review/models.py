"""Medical review for clinical pages: who reviewed the page, when, and when it is due again.

Any page type adopts it by inheriting the mixin before Page and adding `review_panels` to a tab:

    class ArticlePage(MedicalReviewMixin, Page):
        edit_handler = TabbedInterface([..., ObjectList(MedicalReviewMixin.review_panels,
                                                        heading="Medical review"), ...])

The dashboard panel and the weekly reminder find every such page type on their own.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import format_html
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from website.translatable import KeptPerLanguage

# How long a review holds when the editor does not set the next date themselves.
DEFAULT_REVIEW_INTERVAL = timedelta(days=365)
# Pages due within this many days are listed on the dashboard and in the weekly email.
DUE_SOON_DAYS = 30


REVIEW_FIELDS = ("reviewed_by", "last_reviewed", "next_review_due")


class ReviewerCheckPanel(HelpPanel):
    """A warning on the Medical review tab while no physician is named as reviewer."""

    NOTE = (
        "No physician is named as having reviewed this page. Submit it to the physicians' "
        "sign-off: the physician who approves it is named here, with the date."
    )

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.content = format_html(
                '<div class="help-block help-warning"><p>{}</p></div>', self.panel.NOTE
            )

        def is_shown(self):
            return not getattr(self.instance, "reviewed_by_id", None)


@register_setting(icon="tasks")
class MedicalReviewSettings(BaseGenericSetting):
    """Which workflow clinical pages go through before they are published. A migration creates
    the physicians' sign-off workflow and chooses it here."""

    sign_off_workflow = models.ForeignKey(
        "wagtailcore.Workflow",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Every clinical page (articles, handouts, …) goes through this workflow: "
        "editors submit, a physician approves. Empty: clinical pages publish like any other.",
    )

    panels = [FieldPanel("sign_off_workflow")]

    class Meta:
        verbose_name = "medical review"


class MedicalReviewMixin(models.Model):
    # A physician reviews each language's page on its own: a translation (or a copy) never
    # carries the English page's review, neither when it is made nor when it is synced.
    exclude_fields_in_copy = list(REVIEW_FIELDS)
    override_translatable_fields = [KeptPerLanguage(name) for name in REVIEW_FIELDS]

    reviewed_by = models.ForeignKey(
        "physicians.PhysicianPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The physician who checked this page is medically accurate.",
    )
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="The day the physician last checked this page."
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text="When it must be checked again. Leave empty for one year after the last review.",
    )

    review_panels = [
        HelpPanel(
            content="Patients and search engines see who reviewed this page and when. "
            "Pages due for review are listed on the admin dashboard."
        ),
        ReviewerCheckPanel(heading="Reviewer"),
        FieldPanel("reviewed_by"),
        FieldPanel("last_reviewed"),
        FieldPanel("next_review_due"),
    ]

    # Clinical: goes through the physicians' sign-off (sign_off.is_clinical reads this).
    requires_sign_off = True
    # How long a physician's sign-off holds for this page type; a type may set its own.
    review_interval = DEFAULT_REVIEW_INTERVAL

    class Meta:
        abstract = True

    def get_workflow(self):
        """Clinical pages go through the physicians' sign-off wherever they sit in the tree
        (Wagtail otherwise looks for a workflow assigned to the page or an ancestor)."""
        from .sign_off import sign_off_workflow

        return sign_off_workflow() or super().get_workflow()

    @property
    def has_workflow(self):
        return self.get_workflow() is not None

    def permissions_for_user(self, user):
        from .permissions import ClinicalPagePermissionTester

        return ClinicalPagePermissionTester(user, self)

    def clean(self):
        super().clean()
        errors = {}
        if self.reviewed_by_id and not self.last_reviewed:
            errors["last_reviewed"] = "Give the date of the review."
        if self.last_reviewed and not self.reviewed_by_id:
            errors["reviewed_by"] = "Choose the physician who reviewed the page."
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            errors["last_reviewed"] = "The review date cannot be in the future."
        if (
            self.last_reviewed
            and self.next_review_due
            and self.next_review_due <= self.last_reviewed
        ):
            errors["next_review_due"] = "The next review must be after the last one."
        if errors:
            raise ValidationError(errors)
        if self.last_reviewed and not self.next_review_due:
            self.next_review_due = self.last_reviewed + self.review_interval

    # The page's other links to physicians (an article's author), read with the reviewer.
    physician_fields: tuple[str, ...] = ()
    # Read with the page when it is served (website/page_serving.py), portraits included.
    serving_related: tuple[str, ...] = ("reviewed_by__photo",)

    def load_physicians(self) -> None:
        """Read the reviewer and the page's other physicians in one query (often one person),
        not one query each the first time the template or the JSON-LD names them."""
        from physicians.models import PhysicianPage

        fields = [self._meta.get_field(name) for name in ("reviewed_by", *self.physician_fields)]
        # Often one person (the author reviewed it): read with the page once is enough for both.
        read = [f.get_cached_value(self) for f in fields if f.is_cached(self)]
        found = {physician.pk: physician for physician in read if physician is not None}
        missing = [f for f in fields if getattr(self, f.attname) and not f.is_cached(self)]
        if ids := {getattr(self, f.attname) for f in missing} - set(found):
            found |= PhysicianPage.objects.select_related("photo").in_bulk(ids)
        for field in missing:
            field.set_cached_value(self, found.get(getattr(self, field.attname)))

    @property
    def is_medically_reviewed(self) -> bool:
        """True when the page can show 'Medically reviewed by …' (a reviewer and a date)."""
        return bool(self.reviewed_by_id and self.last_reviewed)

    def review_status(self, today=None) -> str:
        """'overdue', 'due soon', 'not reviewed' or 'current'."""
        today = today or timezone.localdate()
        if not self.next_review_due:
            return "not reviewed"
        if self.next_review_due < today:
            return "overdue"
        if self.next_review_due <= today + timedelta(days=DUE_SOON_DAYS):
            return "due soon"
        return "current"
