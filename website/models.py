"""Site-wide pages (home, standard content pages) and the practice's contact settings."""

from functools import partial

import phonenumbers
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from .blocks import BodyBlock, ServiceTeaserBlock
from .content_version import ContentVersion, PageDrop  # noqa: F401 (website/invalidation.py's)
from .home_sections import sections_for
from .page_serving import PageServingMixin
from .site_memo import remember


@register_setting(icon="site")
class PracticeSettings(BaseSiteSetting):
    """Who the practice is and how to reach it: shown in the header, footer and emails."""

    name = models.CharField("practice name", max_length=120, default="Our practice")
    phone = models.CharField(
        max_length=30,
        blank=True,
        help_text="Main number patients call, e.g. (312) 555-0142. Shown on every page.",
    )
    fax = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True, help_text="Shown to patients. Not where requests go.")
    street_address = models.CharField(max_length=200, blank=True)
    locality = models.CharField("city", max_length=100, blank=True)
    region = models.CharField("state", max_length=50, blank=True)
    postal_code = models.CharField("ZIP code", max_length=20, blank=True)
    map_url = models.URLField(
        "map link", blank=True, help_text="A link to the practice on a map (opens in a new tab)."
    )
    appointment_page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where every 'Request an appointment' button leads.",
    )
    privacy_page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice, linked from the footer and the appointment form.",
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [FieldPanel("name"), FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email")],
                heading="Contact",
            ),
            ObjectList(
                [
                    FieldPanel("street_address"),
                    FieldPanel("locality"),
                    FieldPanel("region"),
                    FieldPanel("postal_code"),
                    FieldPanel("map_url"),
                ],
                heading="Address",
                help_text="Shown until an office is published under Locations in the page "
                "tree; then each office's page has its own address.",
            ),
            ObjectList(
                [FieldPanel("appointment_page"), FieldPanel("privacy_page")], heading="Links"
            ),
        ]
    )

    class Meta:
        verbose_name = "practice details"

    def __str__(self):
        return self.name

    # The footer links both pages: fetch them with the settings, not one query each.
    select_related = ["appointment_page", "privacy_page"]

    @classmethod
    def for_request(cls, request) -> "PracticeSettings":
        """Wagtail's per-request lookup, kept between requests by the worker until a save
        (website/site_memo.py): every page shows these details."""
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            setattr(
                request,
                attr_name,
                remember(
                    request,
                    "practice-settings",
                    lambda: cls._for(request),
                    survives_page_changes=True,  # every page shows them
                ),
            )
        return getattr(request, attr_name)

    @classmethod
    def _for(cls, request) -> "PracticeSettings":
        return cls.for_site(Site.find_for_request(request))

    @classmethod
    def for_default_site(cls) -> "PracticeSettings":
        """For code with no request to hand (Celery tasks, emails)."""
        return cls.for_site(Site.objects.get(is_default_site=True))

    @property
    def phone_href(self) -> str:
        """A tel: link in international form, so a tap on a phone dials it."""
        try:
            number = phonenumbers.parse(self.phone, "US")
        except phonenumbers.NumberParseException:
            return ""
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return f"tel:{e164}"

    @property
    def address_lines(self) -> list[str]:
        city_line = ", ".join(p for p in [self.locality, f"{self.region} {self.postal_code}"] if p)
        return [line.strip() for line in [self.street_address, city_line] if line.strip()]


class HomePage(PageServingMixin, Page):
    hero_heading = models.CharField(max_length=120, help_text="The practice's promise, in a line.")
    hero_text = models.TextField(blank=True, max_length=400)
    services_heading = models.CharField(max_length=80, default="How we can help")
    services = StreamField([("service", ServiceTeaserBlock())], blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "website.StandardPage",
        "hours.HolidayHoursPage",
        "locations.LocationIndexPage",
        "locations.ContactPage",
        "physicians.PhysicianIndexPage",
        "blog.BlogIndexPage",
        "handouts.HandoutIndexPage",
        "conditions.ConditionIndexPage",
        "notices.NoticePage",
        "patients.NewPatientsPage",
        "patients.QuestionsPage",
        "appointments.AppointmentRequestPage",
    ]
    max_count = 1

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("hero_heading"), FieldPanel("hero_text")], heading="Hero"),
    ]
    services_panels = [FieldPanel("services_heading"), FieldPanel("services")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(services_panels, heading="Services"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    search_fields = [*Page.search_fields, index.SearchField("hero_text")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Called by the template, so not at all when the page's content is kept
        # (website/page_fragments.py).
        context["home_sections"] = partial(sections_for, self, request)
        return context


class StandardPage(PageServingMixin, Page):
    """A plain content page: About us, Privacy notice, Insurance we accept, …"""

    intro = models.TextField(blank=True, max_length=500)
    body = StreamField(BodyBlock(), blank=True)

    parent_page_types = ["website.HomePage", "website.StandardPage"]
    subpage_types = ["website.StandardPage"]

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
