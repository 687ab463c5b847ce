"""Information for new patients: the New patients page (what to bring, arriving early, forms to
print, the first visit, referrals, the insurance plans we accept), the insurance plans staff
keep in Snippets (the appointment form suggests them), and a page of questions and answers."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from website.blocks import FAQ_BLOCKS
from website.page_serving import PageServingMixin
from website.structured_data import faq_page_node

from .blocks import PrintableFormBlock

SECTION_FEATURES = ["bold", "italic", "link", "ul", "ol", "document-link"]


class InsurancePlan(models.Model):
    name = models.CharField("plan name", max_length=150, unique=True)
    notes = models.CharField(
        max_length=250,
        blank=True,
        help_text="E.g. 'Referral from your primary care doctor needed.'",
    )

    panels = [FieldPanel("name"), FieldPanel("notes")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


def plan_names() -> list[str]:
    """What the appointment form's insurance field suggests (it still takes any text)."""
    return list(InsurancePlan.objects.values_list("name", flat=True))


def section(label: str, help_text: str) -> RichTextField:
    return RichTextField(label, blank=True, features=SECTION_FEATURES, help_text=help_text)


class NewPatientsPage(PageServingMixin, Page):
    intro = models.TextField(blank=True, max_length=500)
    what_to_bring = section(
        "what to bring", "ID, insurance card, imaging (discs and reports), a list of medicines."
    )
    arriving = section("arriving", "How early to come, parking, check-in.")
    forms = StreamField(
        [("form", PrintableFormBlock())],
        blank=True,
        verbose_name="forms to print",
        help_text="PDFs patients fill in before they come.",
    )
    first_visit = section("your first visit", "What happens, how long it takes.")
    referrals = section("referrals", "Which plans need a referral, and how to get one.")
    insurance_intro = models.TextField(
        "insurance: introduction",
        blank=True,
        max_length=400,
        help_text="Above the list of plans (edited under Snippets, Insurance plans).",
    )

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count = 1
    template = "patients/new_patients_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("what_to_bring"),
        FieldPanel("arriving"),
        FieldPanel("forms"),
        FieldPanel("first_visit"),
        FieldPanel("referrals"),
        FieldPanel("insurance_intro"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("what_to_bring"),
        index.SearchField("first_visit"),
        index.SearchField("referrals"),
    ]

    class Meta:
        verbose_name = _("new patients page")

    sections = [
        ("what_to_bring", _("What to bring")),
        ("arriving", _("Arriving")),
    ]
    later_sections = [("first_visit", _("Your first visit")), ("referrals", _("Referrals"))]

    def filled(self, sections) -> list[tuple[str, str, str]]:
        return [
            (name.replace("_", "-"), heading, getattr(self, name))
            for name, heading in sections
            if getattr(self, name)
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # "Find your plan": a plain GET form, no JavaScript. Any text is a search, so such a
        # page is never cached (website/page_cache.py keeps only parameters a view vouches for).
        wanted = " ".join(request.GET.get("plan", "").split())[:100]
        plans = InsurancePlan.objects.all()
        if wanted:
            plans = plans.filter(name__icontains=wanted)
        context.update(
            first_sections=self.filled(self.sections),
            later_sections=self.filled(self.later_sections),
            insurance_plans=list(plans),
            plan_query=wanted,
        )
        return context


class QuestionsPage(PageServingMixin, Page):
    """Questions patients ask, with answers: the same FAQ block as treatment pages."""

    intro = models.TextField(blank=True, max_length=500)
    faqs = StreamField(FAQ_BLOCKS, verbose_name="questions and answers")

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    template = "patients/questions_page.html"

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("faqs")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("faqs")]

    class Meta:
        verbose_name = _("questions and answers page")

    def structured_data(self, request) -> list[dict]:
        node = faq_page_node(self, self.faqs, request)
        return [node] if node else []
