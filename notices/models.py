"""The notices a practice's website must carry, each a page with an effective date, all linked
from every page's footer: the HIPAA Notice of Privacy Practices, the nondiscrimination notice,
the notice of free language assistance (its taglines, one per language), the good faith
estimate notice, the accessibility statement. Their wording is the practice's (and its
compliance officer's) to settle: until an editor ticks "Reviewed by our compliance officer",
the admin shows each one as not yet reviewed.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from website.blocks import BodyBlock
from website.page_serving import PageServingMixin

COMPLIANCE_NOTE = "review with your compliance officer before publishing"
# Languages written right to left: their taglines get dir="rtl".
RIGHT_TO_LEFT = {"ar", "fa", "he", "ps", "ur", "yi"}
PHONE_PLACEHOLDER = "{phone}"


class NoticePage(PageServingMixin, Page):
    intro = models.TextField(blank=True, max_length=500, help_text="A sentence under the title.")
    effective_date = models.DateField(
        help_text="The day this version of the notice takes effect; shown under the title."
    )
    body = StreamField(BodyBlock(), blank=True)
    compliance_reviewed = models.BooleanField(
        "reviewed by our compliance officer",
        default=False,
        help_text="Tick once your compliance officer has approved this wording. Until then the "
        f"page tree marks it '{COMPLIANCE_NOTE}'.",
    )

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    template = "notices/notice_page.html"

    content_panels = [
        HelpPanel(
            content=f"<p><strong>Notices carry legal duties: {COMPLIANCE_NOTE}.</strong> "
            "Demo wording is a starting point written for the demo practice, not legal advice."
            "</p>"
        ),
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("effective_date"),
        FieldPanel("body"),
        FieldPanel("compliance_reviewed"),
    ]
    tagline_panels = [
        HelpPanel(
            content="<p>Taglines saying free language help is available, each written in its "
            f"own language. Write {PHONE_PLACEHOLDER} where the practice's phone number goes.</p>"
        ),
        InlinePanel("taglines", label="Tagline"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(tagline_panels, heading="Language taglines"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("notice")

    def get_admin_display_title(self):
        title = super().get_admin_display_title()
        return title if self.compliance_reviewed else f"{title} ({COMPLIANCE_NOTE})"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["taglines"] = list(self.taglines.all())
        return context


class LanguageTagline(Orderable):
    """ "Free language help is available: call …", in one language and its own script."""

    page = ParentalKey(NoticePage, on_delete=models.CASCADE, related_name="taglines")
    language = models.CharField(
        max_length=60, help_text="The language's name in that language, e.g. 'Español'."
    )
    language_code = models.CharField(
        max_length=20,
        validators=[
            RegexValidator(
                r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                "A language code such as 'es', 'zh-Hant' or 'pt-BR'.",
            )
        ],
        help_text="Its code (BCP 47), e.g. 'es', 'zh-Hant', 'ar': screen readers use it to "
        "read the tagline in the right voice.",
    )
    text = models.TextField(
        help_text=f"The tagline in that language, with {PHONE_PLACEHOLDER} for the phone number."
    )

    panels = [FieldPanel("language"), FieldPanel("language_code"), FieldPanel("text")]

    def __str__(self):
        return self.language

    @property
    def direction(self) -> str:
        return "rtl" if self.language_code.split("-")[0].lower() in RIGHT_TO_LEFT else "ltr"

    @property
    def text_parts(self) -> tuple[str, str]:
        """The text before and after the phone number (which the page shows as a link)."""
        before, _, after = self.text.partition(PHONE_PLACEHOLDER)
        return before, after

    @property
    def has_phone(self) -> bool:
        return PHONE_PLACEHOLDER in self.text
