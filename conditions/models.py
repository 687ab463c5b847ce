"""What the practice treats and how: one page per condition ("Facet joint pain") and per
treatment ("Facet joint injections"), under one A-Z list (/conditions-treatments/) that patients
filter by body area (?area=low-back).

A condition page leads on to the treatments offered for it, the self-care handouts (those tagged
with its handout condition: the handout's own relation, shown on both pages), articles about it
and the physicians who treat it. Both are clinical pages, so both carry the medical review.
"""

from functools import cached_property

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from handouts.models import HandoutPage
from medical_review.models import MedicalReviewMixin
from website.blocks import FAQ_BLOCKS, CareCardBlock, ListItemBlock
from website.page_cache import accept_query
from website.page_serving import PageServingMixin, all_in_active_language, original, public
from website.translatable import KeptPerLanguage

from .body_areas import BODY_AREAS, BodyAreasMixin, body_area_filter
from .structured_data import condition_nodes, treatment_nodes

SECTION_FEATURES = ["bold", "italic", "link", "ul", "ol"]


def live_linked(chosen) -> models.QuerySet:
    """The live, public pages among those chosen in a ParentalManyToManyField. A saved page's
    choices are a queryset; a preview's are held in memory, so they are read again by id."""
    pages = chosen.all()
    if not isinstance(pages, models.QuerySet):
        pages = chosen.model.objects.filter(pk__in=[page.pk for page in pages])
    return public(pages.live())


def shown_by_title(pages, prepare=None) -> list:
    """Linked pages in the request's language (a translation copies the English page's links),
    A to Z in that language; `prepare` adds what a listing shows (see all_in_active_language)."""
    shown = all_in_active_language(prepare(pages) if prepare else pages, prepare)
    return sorted(shown, key=lambda page: page.title.casefold())


def with_photo(physicians):
    return physicians.select_related("photo")


def section(label: str, help_text: str) -> RichTextField:
    return RichTextField(label, blank=True, features=SECTION_FEATURES, help_text=help_text)


class ClinicalTopicPage(MedicalReviewMixin, BodyAreasMixin, PageServingMixin, Page):
    """What a condition page and a treatment page share: a summary, body areas, who treats it."""

    summary = models.TextField(
        max_length=400,
        help_text="One or two plain sentences under the title, in the A-Z list and in search.",
    )
    physicians = ParentalManyToManyField(
        "physicians.PhysicianPage",
        blank=True,
        related_name="+",
        help_text="The physicians patients can see for this.",
    )

    parent_page_types = ["conditions.ConditionIndexPage"]
    subpage_types = []

    class Meta:
        abstract = True

    @property
    def kind(self) -> str:
        """'Condition' or 'Treatment', as the A-Z list and search label it."""
        return self._meta.verbose_name.capitalize()

    @cached_property
    def physicians_shown(self) -> list:
        return shown_by_title(live_linked(self.physicians), with_photo)

    def get_context(self, request, *args, **kwargs):
        self.load_physicians()
        context = super().get_context(request, *args, **kwargs)
        context["index_url"] = self.get_parent().get_url(request=request)
        return context

    @classmethod
    def tabs(cls, content, *extra_tabs) -> TabbedInterface:
        links = [FieldPanel("physicians", widget=forms.CheckboxSelectMultiple)]
        return TabbedInterface(
            [
                ObjectList(content, heading="Content"),
                *extra_tabs,
                ObjectList([*links, *BodyAreasMixin.body_area_panels], heading="Links and areas"),
                ObjectList(MedicalReviewMixin.review_panels, heading="Medical review"),
                ObjectList(Page.promote_panels, heading="Promote"),
                ObjectList(Page.settings_panels, heading="Settings"),
            ]
        )


class TreatmentPage(ClinicalTopicPage):
    """A treatment or procedure the practice offers ("Facet joint injections")."""

    what_it_is = section("what it is", "What the treatment is, in plain words.")
    who_it_helps = section("who it helps", "Which patients it is for, and who it is not for.")
    how_to_prepare = section("how to prepare", "Fasting, medicines, a driver home, what to wear.")
    on_the_day = section("what happens on the day", "From arrival to going home.")
    recovery = section("recovery", "The hours and days after: what is normal, when to resume.")
    risks = section("risks", "Common and rare risks, honestly put.")
    faqs = StreamField(
        FAQ_BLOCKS, blank=True, verbose_name="questions patients ask", help_text="Shown as FAQ."
    )
    cost_note = section(
        "insurance and cost", "E.g. whether plans need prior authorization; how to get an estimate."
    )

    template = "conditions/treatment_page.html"
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("what_it_is"),
        FieldPanel("who_it_helps"),
        FieldPanel("how_to_prepare"),
        FieldPanel("on_the_day"),
        FieldPanel("recovery"),
        FieldPanel("risks"),
        FieldPanel("cost_note"),
    ]
    edit_handler = ClinicalTopicPage.tabs(
        content_panels, ObjectList([FieldPanel("faqs")], heading="Questions")
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("what_it_is"),
        index.SearchField("who_it_helps"),
        index.SearchField("faqs"),
    ]

    class Meta:
        verbose_name = _("treatment")

    sections = [
        ("what_it_is", _("What it is")),
        ("who_it_helps", _("Who it helps")),
        ("how_to_prepare", _("How to prepare")),
        ("on_the_day", _("What happens on the day")),
        ("recovery", _("Recovery")),
        ("risks", _("Risks")),
    ]

    def filled_sections(self) -> list[tuple[str, str, str]]:
        """(anchor, heading, text) of each section the editor filled in, in order."""
        return [
            (name.replace("_", "-"), heading, getattr(self, name))
            for name, heading in self.sections
            if getattr(self, name)
        ]

    @cached_property
    def conditions_treated(self) -> list:
        english = original(self)  # conditions tick the English treatment
        conditions = ConditionPage.objects.live().filter(
            treatments=english, locale_id=english.locale_id
        )
        return shown_by_title(public(conditions))

    def structured_data(self, request) -> list[dict]:
        return treatment_nodes(self, request)


class ConditionPage(ClinicalTopicPage):
    """A condition patients come with ("Facet joint pain")."""

    # The handout condition belongs to one page (a one-to-one link): the English page. A
    # translation finds its handouts through it (self_care_handouts), in its own language.
    exclude_fields_in_copy = [*MedicalReviewMixin.exclude_fields_in_copy, "handout_condition"]
    override_translatable_fields = [
        *MedicalReviewMixin.override_translatable_fields,
        KeptPerLanguage("handout_condition"),
    ]

    what_it_is = section("what it is", "What the condition is, in plain words.")
    symptoms = StreamField(
        [("symptom", ListItemBlock())],
        blank=True,
        help_text="One symptom each, e.g. 'Pain that improves with rest: …'. Search engines "
        "read the bold term (or the text) as a sign or symptom.",
    )
    causes = StreamField(
        [("cause", ListItemBlock())],
        blank=True,
        verbose_name="causes and risk factors",
        help_text="One each, e.g. 'Overuse: …'.",
    )
    diagnosis = section("how it is diagnosed", "Examination, imaging, diagnostic injections.")
    care_cards = StreamField(
        [("care_card", CareCardBlock())],
        blank=True,
        verbose_name="when to seek urgent care",
        help_text="Warning signs and how fast to act. Put the most urgent card last.",
    )
    treatments = ParentalManyToManyField(
        TreatmentPage,
        blank=True,
        related_name="conditions",
        help_text="The treatments we offer for it. Each treatment page lists it in return.",
    )
    handout_condition = models.OneToOneField(
        "handouts.Condition",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="condition_page",
        verbose_name="self-care handouts",
        help_text="The handout condition whose programs are self-care for it. Each of those "
        "handouts links back to this page.",
    )
    related_articles = ParentalManyToManyField(
        "blog.ArticlePage",
        blank=True,
        related_name="condition_pages",
        help_text="Articles about it. Each article links back to this page.",
    )

    template = "conditions/condition_page.html"
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("what_it_is"),
        FieldPanel("symptoms"),
        FieldPanel("causes"),
        FieldPanel("diagnosis"),
        FieldPanel("care_cards"),
    ]
    edit_handler = ClinicalTopicPage.tabs(
        content_panels,
        ObjectList(
            [
                FieldPanel("treatments", widget=forms.CheckboxSelectMultiple),
                FieldPanel("handout_condition"),
                FieldPanel("related_articles"),
            ],
            heading="Treatments and reading",
        ),
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("what_it_is"),
        index.SearchField("symptoms"),
        index.SearchField("causes"),
    ]

    class Meta:
        verbose_name = _("condition")

    @cached_property
    def treatments_offered(self) -> list:
        return shown_by_title(live_linked(self.treatments))

    @cached_property
    def self_care_handouts(self) -> list:
        handouts = HandoutPage.objects.live().filter(locale_id=self.locale_id)
        if self.handout_condition_id:
            handouts = handouts.filter(conditions=self.handout_condition_id)
        else:
            # A translation: the handouts of the condition its English page has, in its own
            # language, in the same query (no query first for that condition).
            handouts = handouts.filter(
                conditions__condition_page__translation_key=self.translation_key
            ).distinct()
        return list(public(handouts).order_by("title"))

    @cached_property
    def articles(self) -> list:
        articles = live_linked(self.related_articles).order_by("-first_published_at")
        return all_in_active_language(articles)

    def structured_data(self, request) -> list[dict]:
        return condition_nodes(self, request)


class ConditionIndexPage(PageServingMixin, Page):
    """Conditions and treatments A-Z, filterable by body area."""

    intro = models.TextField(
        blank=True,
        max_length=500,
        help_text="A sentence under the title, e.g. 'What we treat, and how.'",
    )

    parent_page_types = ["website.HomePage"]
    subpage_types = ["conditions.ConditionPage", "conditions.TreatmentPage"]
    max_count = 1
    template = "conditions/condition_index_page.html"

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("conditions and treatments A-Z")

    def entries(self, area_slug: str = "") -> list[Page]:
        """Conditions and treatments together, by title (two queries, whatever the count)."""
        area = body_area_filter(area_slug) or {}
        pages = [
            *public(ConditionPage.objects.child_of(self).live().filter(**area)),
            *public(TreatmentPage.objects.child_of(self).live().filter(**area)),
        ]
        return sorted(pages, key=lambda page: page.title.casefold())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sent = request.GET.get("area", "")
        selected = sent if sent in BODY_AREAS else ""
        if selected:
            accept_query(request, "area")
        letters: dict[str, list[Page]] = {}
        for entry in self.entries(selected):
            first = entry.title[:1].upper()
            letters.setdefault(first if first.isalpha() else "#", []).append(entry)
        context.update(
            letters=letters,
            areas=[(slug, label) for slug, (label, _) in BODY_AREAS.items()],
            selected_area=selected,
            selected_area_label=BODY_AREAS[selected][0] if selected else "",
            unknown_area=bool(sent) and not selected,
        )
        return context
