"""The practice's physicians: a listing page and one profile page per physician."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from website.page_serving import PageServingMixin, all_in_active_language, public
from website.translatable import KeptPerLanguage

from .structured_data import physician_list_node, physician_node

ONE_PER_LINE = "One per line."


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class PhysicianIndexPage(PageServingMixin, Page):
    """/physicians/: every physician of the practice, in the order of the page tree."""

    intro = models.TextField(
        blank=True, max_length=500, help_text="A sentence or two above the list of physicians."
    )

    parent_page_types = ["website.HomePage"]
    subpage_types = ["physicians.PhysicianPage"]
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    @cached_property
    def listed_physicians(self) -> list:
        """Read once for the list and its JSON-LD."""
        return list(public(PhysicianPage.objects.child_of(self).live()).with_photos())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["physicians"] = self.listed_physicians
        return context

    def structured_data(self, request) -> list[dict]:
        return [physician_list_node(self, self.listed_physicians, request)]


class PhysicianPageQuerySet(PageQuerySet):
    def with_photos(self):
        """Photos and their renditions in two queries, however many physicians are listed."""
        return self.select_related("photo").prefetch_related("photo__renditions")


class PhysicianPage(PageServingMixin, Page):
    """One physician's profile. The page title is the physician's full name, without 'Dr.'."""

    serving_related = ("photo",)  # read with the page (website/page_serving.py)
    serving_prefetch = ("education",)

    credentials = models.CharField(
        max_length=40, blank=True, help_text="Degrees after the name, e.g. D.O. or M.D."
    )
    short_name = models.CharField(
        max_length=60,
        help_text="How patients address the physician, e.g. Dr. Weber. Used in 'Meet Dr. Weber'.",
    )
    job_title = models.CharField(
        max_length=120, blank=True, help_text="e.g. Interventional pain physician. Optional."
    )
    summary = models.CharField(
        max_length=200,
        blank=True,
        help_text="One line shown under 'Meet Dr. …' on articles and the home page.",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A portrait, at least 800 pixels wide.",
    )
    photo_alt_text = models.CharField(
        "photo description",
        max_length=200,
        blank=True,
        help_text="What the photo shows, for people who cannot see it, "
        "e.g. 'Dr. Weber in the clinic, smiling'. Needed when there is a photo.",
    )
    accepting_new_patients = models.BooleanField(
        null=True,
        blank=True,
        choices=[(True, "Yes"), (False, "No")],
        help_text="Leave empty to say nothing about it on the website.",
    )
    specialties = models.TextField(blank=True, help_text=f"{ONE_PER_LINE} e.g. Pain Management.")
    board_certifications = models.TextField(
        blank=True, help_text=f"{ONE_PER_LINE} e.g. Anesthesiology."
    )
    hospital_affiliations = models.TextField(blank=True, help_text=ONE_PER_LINE)
    languages = models.TextField(blank=True, help_text=f"{ONE_PER_LINE} e.g. English.")
    biography = RichTextField(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"], blank=True
    )
    locations = ParentalManyToManyField(
        "locations.LocationPage",
        blank=True,
        related_name="physicians",
        verbose_name="sees patients at",
        help_text="The offices where this physician sees patients. Each office's page lists them.",
    )
    admin_account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="physician_page",
        help_text="The physician's own sign-in. When they approve a clinical page in the "
        "Physicians group's sign-off, the page names them as its reviewer.",
    )

    # A translation is the same physician: it never gets (or takes over) their sign-in.
    exclude_fields_in_copy = ["admin_account"]
    override_translatable_fields = [KeptPerLanguage("admin_account")]

    objects = PageManager.from_queryset(PhysicianPageQuerySet)()

    parent_page_types = ["physicians.PhysicianIndexPage"]
    subpage_types = []

    content_panels = [
        FieldPanel("title", heading="Full name", help_text="e.g. Thomas J. Weber, Jr. (no 'Dr.')"),
        FieldPanel("credentials"),
        FieldPanel("short_name"),
        FieldPanel("job_title"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt_text")], heading="Photo"),
        FieldPanel("accepting_new_patients"),
        FieldPanel("locations", widget=forms.CheckboxSelectMultiple),
    ]
    qualification_panels = [
        FieldPanel("specialties"),
        FieldPanel("board_certifications"),
        InlinePanel("education", heading="Education and training", label="Degree or training"),
        FieldPanel("hospital_affiliations"),
        FieldPanel("languages"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Profile"),
            ObjectList(qualification_panels, heading="Qualifications"),
            ObjectList([FieldPanel("biography")], heading="Biography"),
            ObjectList([FieldPanel("admin_account")], heading="Sign-off"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("specialties"),
        index.SearchField("biography"),
    ]

    class Meta:
        verbose_name = _("physician")

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt_text.strip():
            raise ValidationError(
                {"photo_alt_text": "Describe the photo for people who cannot see it."}
            )

    @property
    def doctor_name(self) -> str:
        """'Dr. Thomas J. Weber, Jr.': how the physician is named in review lines and bylines."""
        return f"Dr. {self.title}"

    @property
    def name_with_credentials(self) -> str:
        return f"{self.title}, {self.credentials}" if self.credentials else self.title

    @property
    def specialty_list(self) -> list[str]:
        return lines(self.specialties)

    @property
    def board_certification_list(self) -> list[str]:
        return lines(self.board_certifications)

    @property
    def hospital_affiliation_list(self) -> list[str]:
        return lines(self.hospital_affiliations)

    @property
    def language_list(self) -> list[str]:
        return lines(self.languages)

    @property
    def has_qualifications(self) -> bool:
        return bool(
            self.specialties.strip()
            or self.board_certifications.strip()
            or self.hospital_affiliations.strip()
            or self.languages.strip()
            or self.education.exists()
        )

    @property
    def photo_description(self) -> str:
        return self.photo_alt_text or _("Photo of {name}").format(name=self.doctor_name)

    @cached_property
    def offices(self) -> list:
        """The published offices where the physician sees patients, in page-tree order (read
        once for the page and its JSON-LD)."""
        offices = self.locations.all()
        if not isinstance(offices, PageQuerySet):
            # A preview: the offices ticked in the editor (modelcluster keeps them in memory).
            return sorted((office for office in offices if office.live), key=lambda o: o.path)
        # A translation copies the English page's ticks: the English offices, shown in its
        # language.
        return all_in_active_language(public(offices.live()).order_by("path"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["offices"] = self.offices
        return context

    def structured_data(self, request) -> list[dict]:
        return [physician_node(self, request, detailed=True, offices=self.offices)]


class PhysicianEducation(Orderable):
    """A degree, residency or fellowship: what, where, and (if known) when."""

    KINDS = [
        ("degree", _("Degree")),
        ("internship", _("Internship")),
        ("residency", _("Residency")),
        ("fellowship", _("Fellowship")),
        ("other", _("Other training")),
    ]
    physician = ParentalKey(PhysicianPage, on_delete=models.CASCADE, related_name="education")
    kind = models.CharField(max_length=20, choices=KINDS, default="degree")
    name = models.CharField(
        max_length=200,
        help_text="e.g. Doctor of Osteopathic Medicine (D.O.), or the field of a fellowship.",
    )
    institution = models.CharField(
        max_length=200, blank=True, help_text="The school or hospital. Leave empty if unknown."
    )
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Year completed. Optional."
    )

    panels = [FieldPanel("kind"), FieldPanel("name"), FieldPanel("institution"), FieldPanel("year")]

    def __str__(self):
        return " · ".join(str(part) for part in [self.name, self.institution, self.year] if part)
