"""Patient handouts: home exercise programs patients follow on a phone, on paper or as a PDF.

/handouts/ lists them (filterable by condition: ?condition=<slug>); /handouts/<slug>/ is one
program, with /large-print/, /pdf/ and /large-print/pdf/ beside it.
"""

import logging
from functools import cache, cached_property, partial

from django import forms
from django.conf import settings
from django.core.validators import slug_re
from django.db import models
from django.http import FileResponse
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from medical_review.models import MedicalReviewMixin
from website.blocks import CareCardBlock
from website.page_cache import accept_query
from website.page_forms import PracticePageForm
from website.page_serving import PageServingMixin, in_active_language, public

from . import pdf
from .blocks import RECOMMENDED_MAX_EXERCISES, CitationBlock, ExerciseProgramBlock
from .panels import CareCardCheckPanel, ProgramLengthPanel
from .qr import qr_svg_data_uri
from .structured_data import handout_nodes

logger = logging.getLogger(__name__)


class Condition(models.Model):
    """What a handout is for ("Facet joint pain"): patients filter the list of handouts by it."""

    name = models.CharField(max_length=100, unique=True, help_text="E.g. 'Facet joint pain'.")
    slug = models.SlugField(
        max_length=100,
        unique=True,
        blank=True,
        help_text="Used in the address of the filtered list, e.g. "
        "/handouts/?condition=facet-joint-pain. Leave empty to make it from the name.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class HandoutIndexPage(PageServingMixin, Page):
    intro = models.TextField(
        blank=True,
        max_length=500,
        help_text="A sentence under the title, e.g. 'Exercise programs from our clinicians, "
        "to follow at home.'",
    )

    parent_page_types = ["website.HomePage"]
    subpage_types = ["handouts.HandoutPage"]
    max_count = 1
    template = "handouts/handout_index_page.html"

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("handouts list")

    def handouts(self):
        return public(HandoutPage.objects.child_of(self).live()).order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        handouts = self.handouts()
        conditions = Condition.objects.filter(handouts__in=handouts).distinct()
        sent = request.GET.get("condition", "")
        wanted = sent.strip()
        # Only a slug can name a condition: anything else (NUL, which PostgreSQL refuses, or
        # any other junk) is an unknown condition without asking the database.
        selected = conditions.filter(slug=wanted).first() if slug_re.match(wanted) else None
        if selected is not None:
            handouts = handouts.filter(conditions=selected)
            if sent == selected.slug:
                accept_query(request, "condition")
        context.update(
            handouts=handouts.prefetch_related("conditions"),
            conditions=conditions,
            selected_condition=selected,
            unknown_condition=bool(wanted) and selected is None,
        )
        return context


# What a handout's page shows of its own addresses (HandoutPage.print_links).
PRINT_LINKS = (
    "web_url", "qr_code", "index_url", "canonical_url", "standard_url", "large_print_url",
)  # fmt: skip


class HandoutPage(MedicalReviewMixin, RoutablePageMixin, PageServingMixin, Page):
    """One home exercise program. Clinical advice, so it carries a medical review."""

    conditions = ParentalManyToManyField(
        Condition,
        related_name="handouts",
        help_text="What this program is for. Patients find it under each one you pick.",
    )
    summary = models.TextField(
        max_length=600,
        help_text="Shown under the title and in the list of handouts: what the condition is or "
        "what the program does, in a few plain sentences.",
    )
    introduction = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text="Optional: more about the program, shown after the summary.",
    )
    frequency = models.CharField(
        max_length=300, blank=True, help_text="E.g. 'Once or twice daily, most days of the week.'"
    )
    pacing = models.CharField(
        "pace yourself",
        max_length=300,
        blank=True,
        help_text="E.g. 'Mild muscle stretch is fine; sharp or radiating pain is not.'",
    )
    warm_up = models.CharField(
        "warm up", max_length=300, blank=True, help_text="E.g. 'A few minutes of easy walking.'"
    )
    breathing = models.CharField(
        max_length=300, blank=True, help_text="E.g. 'Breathe normally; never hold your breath.'"
    )
    exercises = StreamField(
        ExerciseProgramBlock(),
        help_text=f"The exercises in the order patients do them. {RECOMMENDED_MAX_EXERCISES} or "
        "fewer is best: patients are more likely to keep going with a short program.",
    )
    precautions = StreamField(
        [("precaution", blocks.CharBlock(max_length=300, label="Precaution"))],
        blank=True,
        help_text="Things to avoid, one per line.",
    )
    care_cards = StreamField(
        [("care_card", CareCardBlock())],
        blank=True,
        help_text="When to call the clinic or seek care. Put the most urgent card last.",
    )
    citations = StreamField(
        [("citation", CitationBlock())],
        blank=True,
        verbose_name="evidence and sources",
        help_text="Where the advice comes from: a title, who published it and a link.",
    )

    parent_page_types = ["handouts.HandoutIndexPage"]
    subpage_types = []
    template = "handouts/handout_page.html"
    # The program itself is in the page's content only (website/page_serving.py).
    serving_deferred = ("exercises", "precautions", "care_cards", "citations")
    base_form_class = PracticePageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("conditions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("summary"),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("frequency"),
                FieldPanel("pacing"),
                FieldPanel("warm_up"),
                FieldPanel("breathing"),
            ],
            heading="How to use this program",
        ),
    ]
    exercise_panels = [ProgramLengthPanel(heading="Program length"), FieldPanel("exercises")]
    safety_panels = [
        CareCardCheckPanel(heading="Care cards"),
        FieldPanel("precautions"),
        FieldPanel("care_cards"),
    ]
    source_panels = [FieldPanel("citations")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(exercise_panels, heading="Exercises"),
            ObjectList(safety_panels, heading="Safety"),
            ObjectList(source_panels, heading="Sources"),
            ObjectList(MedicalReviewMixin.review_panels, heading="Medical review"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("introduction"),
        index.SearchField("exercises"),
    ]

    class Meta:
        verbose_name = _("handout (home exercise program)")

    @cached_property
    def condition_list(self) -> list[Condition]:
        """The handout's conditions, each with the condition page that takes it as self-care
        (`condition.condition_page`, the OneToOneField in conditions/models.py), read in one
        query for the header, the links back and the JSON-LD."""
        return list(self.conditions.select_related("condition_page").order_by("name"))

    @property
    def condition_pages(self) -> list[Page]:
        """Live condition pages this program is self-care for: the page's own link, shown here."""
        pages = [getattr(condition, "condition_page", None) for condition in self.condition_list]
        # The condition page holds the English link; a translated handout shows its translation.
        pages = [in_active_language(page) for page in pages if page is not None and page.live]
        return [page for page in pages if page.locale_id == self.locale_id]

    @property
    def how_to_use(self) -> list[tuple[str, str]]:
        rows = [
            (_("Frequency"), self.frequency),
            (_("Pace yourself"), self.pacing),
            (_("Warm up"), self.warm_up),
            (_("Breathing"), self.breathing),
        ]
        return [(label, text) for label, text in rows if text]

    def search_parts(self) -> list[tuple[str, list[str]]]:
        """What search shows when a searched word is in it (sitesearch/views.py): "knee"
        finds the program through its exercise "Single Knee-to-Chest"."""
        return [(_("Exercises"), [block.value["name"] for block in self.exercises])]

    def get_context(self, request, *args, large_print=False, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["large_print"] = large_print
        # Shown only in the page's content and SEO tags, so worked out when the template first
        # asks: not at all while the worker keeps those parts (website/page_fragments.py).
        links = cache(partial(self.print_links, request, large_print))
        for name in PRINT_LINKS:
            context[name] = SimpleLazyObject(partial(lambda name: links()[name], name))
        return context

    def print_links(self, request, large_print: bool) -> dict[str, str]:
        """The addresses the page shows (PRINT_LINKS), from one reading of its path."""
        standard = pdf.web_path(self)
        large = pdf.variant_path(standard, pdf.LARGE_PRINT)
        web_url = pdf.public_url(large if large_print else standard)
        return {
            "web_url": web_url,
            "qr_code": qr_svg_data_uri(web_url),
            "index_url": self.get_parent().get_url(request=request),
            "canonical_url": pdf.public_url(standard),
            "standard_url": standard,
            "large_print_url": large,
        }

    # The editor's preview panel shows either version; "Open in new tab" keeps the mode chosen.
    LARGE_PRINT_PREVIEW = "large-print"
    preview_modes = [("", "Standard print"), (LARGE_PRINT_PREVIEW, "Large print")]

    def serve_preview(self, request, mode_name):
        if mode_name == self.LARGE_PRINT_PREVIEW:
            return self.large_print(request)
        return super().serve_preview(request, mode_name)

    @path("large-print/", name="large_print")
    def large_print(self, request):
        return self.render(request, large_print=True)

    @path("pdf/", name="pdf")
    def pdf_download(self, request):
        return self.pdf_response(request, pdf.STANDARD)

    @path("large-print/pdf/", name="large_print_pdf")
    def large_print_pdf_download(self, request):
        return self.pdf_response(request, pdf.LARGE_PRINT)

    def pdf_response(self, request, variant: str):
        try:
            name = pdf.cached_pdf(self, variant)
        except pdf.PdfUnavailable as error:
            logger.warning("handout PDF unavailable: page %s: %s", self.pk, error)
            context = {"page": self, "large_print": variant == pdf.LARGE_PRINT}
            response = TemplateResponse(
                request, "handouts/pdf_unavailable.html", context, status=503
            )
            response["Retry-After"] = "60"
            return response
        response = FileResponse(
            pdf.open_pdf(name),
            content_type="application/pdf",
            filename=pdf.download_name(self, variant),
        )
        # As the page cache marks pages: a CDN may keep it briefly, browsers ask again, so a
        # newly published revision reaches patients at once.
        response["Cache-Control"] = f"public, max-age=0, s-maxage={settings.PAGE_CACHE_CDN_SECONDS}"
        return response

    def structured_data(self, request) -> list[dict]:
        return handout_nodes(self, request)
