"""One office: where it is, how to reach it and get in, and its own weekly hours.

Offices are pages, not snippets: each has a public address (/locations/<slug>/) that patients
bookmark and search engines list, and pages bring what every other public page of the site has
(drafts and preview, revisions, the sitemap, site search, canonical and Open Graph tags, the page
cache) without building any of it again.
"""

from dataclasses import replace
from urllib.parse import urlencode
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from hours.models.page import FEED_NAME, calendar_response, subscribe_url
from hours.models.regular import WeekdayHours, week_of
from hours.schedule import Interval
from website.page_serving import PageServingMixin, all_in_active_language, original, public
from website.structured_data import page_public_url

from ..forms import LocationPageForm
from ..schedules import kept_offices_with_hours, offices_with_hours
from ..structured_data import office_node

# Opens the address in the visitor's own map app (Google's documented cross-platform URL: the
# app on a phone, the website elsewhere). A plain link: nothing loads until the patient taps it.
DIRECTIONS_URL = "https://www.google.com/maps/dir/?"


def tel_href(number: str) -> str:
    """A tel: link in international form, so a tap on a phone dials it ("" if not a number)."""
    try:
        parsed = phonenumbers.parse(number, "US")
    except phonenumbers.NumberParseException:
        return ""
    return "tel:" + phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


class LocationPage(RoutablePageMixin, PageServingMixin, Page):
    """An office. The page title is its name as patients know it, e.g. 'Downtown Chicago'."""

    intro = models.TextField(
        blank=True, max_length=500, help_text="A sentence under the name, e.g. 'Our main office.'"
    )
    street_address = models.CharField(
        max_length=200, help_text="Street, number and suite, e.g. 1200 W. Example Avenue, Suite 300"
    )
    locality = models.CharField("city", max_length=100)
    region = models.CharField("state", max_length=50, help_text="e.g. IL")
    postal_code = models.CharField("ZIP code", max_length=20)
    phone = models.CharField(
        max_length=30, blank=True, help_text="This office's number, e.g. (312) 555-0142."
    )
    fax = models.CharField(max_length=30, blank=True)
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text="Optional, for search engines, e.g. 41.867100. Leave both empty if unsure.",
    )
    longitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, help_text="e.g. -87.647500"
    )
    time_zone = models.CharField(
        max_length=60,
        blank=True,
        help_text="Leave empty for the practice's time zone. Otherwise its name, e.g. "
        "America/New_York.",
    )
    parking = models.TextField(blank=True, help_text="Where to park and what it costs.")
    public_transport = models.TextField(
        "public transport", blank=True, help_text="Nearest train and bus stops."
    )
    building_access = models.TextField(
        "building access",
        blank=True,
        help_text="Entrance, elevator, wheelchair access, where to check in.",
    )
    map_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: a map of the area you made or may publish (no embedded maps).",
    )
    map_image_alt = models.CharField(
        "map description",
        max_length=250,
        blank=True,
        help_text="What the map shows, e.g. 'The entrance is on Example Avenue, parking behind "
        "the building.' Needed when there is a map.",
    )

    appointment_recipients = models.TextField(
        "staff email addresses for appointment requests",
        blank=True,
        help_text="One address per line: told of each new request for this office (a link "
        "only, never the patient's details). Leave empty to use Settings → Appointment "
        "notifications.",
    )

    # The office is the same place in every language: its address, numbers, position, time zone
    # and who hears of its requests are copied from the English page whenever its translation is
    # synced, and are not offered for translation (its weekly hours, a child relation of a model
    # that is not translatable, are copied the same way). Its name, intro and "Getting here" are
    # translated.
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in [
            "street_address",
            "locality",
            "region",
            "postal_code",
            "phone",
            "fax",
            "time_zone",
            "appointment_recipients",
        ]
    ]

    base_form_class = LocationPageForm
    parent_page_types = ["locations.LocationIndexPage"]
    subpage_types = []
    template = "locations/location_page.html"

    content_panels = [
        FieldPanel("title", heading="Office name"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel(
                    [FieldPanel("locality"), FieldPanel("region"), FieldPanel("postal_code")]
                ),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Address",
        ),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")], heading="Phone and fax"),
    ]
    getting_here_panels = [
        FieldPanel("parking"),
        FieldPanel("public_transport"),
        FieldPanel("building_access"),
        MultiFieldPanel([FieldPanel("map_image"), FieldPanel("map_image_alt")], heading="Map"),
    ]
    hours_panels = [
        InlinePanel(
            "weekly_hours",
            heading="Regular weekly hours",
            label="Opening hours",
            help_text="One line per stretch of time this office is open. A day with a lunch "
            "break gets two lines. A day with no lines shows as Closed. Holidays go in "
            "'Closures' (admin menu).",
        ),
        FieldPanel("time_zone"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Office"),
            ObjectList(getting_here_panels, heading="Getting here"),
            ObjectList(hours_panels, heading="Hours"),
            ObjectList(
                [FieldPanel("appointment_recipients", permission="superuser")],
                heading="Appointment requests",
            ),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("street_address"),
        index.SearchField("locality"),
        index.SearchField("parking"),
        index.SearchField("public_transport"),
    ]

    class Meta:
        verbose_name = _("location")

    def clean(self):
        super().clean()
        errors = {}
        if self.time_zone:
            try:
                ZoneInfo(self.time_zone)
            except (ZoneInfoNotFoundError, ValueError):
                errors["time_zone"] = (
                    f"'{self.time_zone}' is not a time zone name. Use one like America/Chicago, "
                    "or leave it empty for the practice's."
                )
        if self.map_image_id and not self.map_image_alt.strip():
            errors["map_image_alt"] = "Describe the map for people who cannot see it."
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = "Enter both the latitude and the longitude, or neither."
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["office_hours"] = self.office_hours(request)
        # Called by the template, so not at all when the page's content is kept
        # (website/page_fragments.py): its physicians and their portraits cost two queries.
        context["physicians"] = lambda: self.physicians_here
        context["feed_url"] = f"{page_public_url(self, request)}{FEED_NAME}"
        context["feed_subscribe_url"] = subscribe_url(context["feed_url"])
        return context

    # This office's closures and special hours (those for every office and those ticked for
    # it), as a calendar to subscribe to: /locations/<slug>/closures.ics (see hours/urls.py).
    @path(f"{FEED_NAME}/", name="closures_feed")
    def closures_feed(self, request):
        now = timezone.now()
        schedule = self.office_hours(request).schedule
        entries = [replace(entry, office_names=()) for entry in schedule.upcoming(now)]
        return calendar_response(
            request, self, entries, now, office_name=self.title, feed_key=f"office-{self.pk}"
        )

    def office_hours(self, request):
        """Its schedule as the worker keeps it for every page (the footer, /locations/); built
        afresh from this very object in a preview (the draft's hours) or when not kept."""
        if "_office_hours" not in self.__dict__:
            kept = []
            if not getattr(request, "is_preview", False):
                # The worker keeps the offices in the request's language, each with its
                # English page's schedule (a translation is the same office).
                key = self.translation_key
                kept = [
                    i for i in kept_offices_with_hours(request) if i.office.translation_key == key
                ]
            fresh = kept or offices_with_hours([self], ticked_as=original(self))
            self._office_hours = fresh[0]
        return self._office_hours

    @cached_property
    def physicians_here(self) -> list:
        """Published physicians who see patients here, in page-tree order, with their photos.
        Physicians tick the English office; a translated office shows them in its language."""
        english = original(self)
        physicians = english.physicians.live().filter(locale_id=english.locale_id)
        physicians = public(physicians).order_by("path")
        if english.pk == self.pk:
            return list(physicians.with_photos())
        return all_in_active_language(physicians, lambda pages: pages.with_photos())

    def structured_data(self, request) -> list[dict]:
        schedule = self.office_hours(request).schedule
        return [
            office_node(self, schedule, timezone.now(), request, physicians=self.physicians_here)
        ]

    # --- What the pages show ----------------------------------------------------------------
    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone or settings.TIME_ZONE)

    @property
    def address_lines(self) -> list[str]:
        city_line = ", ".join(p for p in [self.locality, f"{self.region} {self.postal_code}"] if p)
        return [line.strip() for line in [self.street_address, city_line] if line.strip()]

    @property
    def full_address(self) -> str:
        return ", ".join(self.address_lines)

    @property
    def directions_url(self) -> str:
        return DIRECTIONS_URL + urlencode({"api": "1", "destination": self.full_address})

    @property
    def phone_href(self) -> str:
        return tel_href(self.phone)

    @property
    def has_geo(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def appointment_recipient_list(self) -> list[str]:
        return [line.strip() for line in self.appointment_recipients.splitlines() if line.strip()]

    def weekly_intervals(self) -> dict[int, list[Interval]]:
        return week_of(self.weekly_hours.all())


class LocationHours(WeekdayHours):
    location = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="weekly_hours")

    class Meta(WeekdayHours.Meta):
        abstract = False


def weekly_intervals_of(offices) -> dict[int, dict[int, list[Interval]]]:
    """Office id -> its weekly_intervals(), as saved (never a preview's draft), for many offices
    in one query of plain rows, in the order prefetching `weekly_hours` reads them: a prefetch
    built a model for every line of every office, a good part of what a cold view cost (and
    more of it the more offices there are)."""
    weeks = {office.pk: {day: [] for day in range(7)} for office in offices}
    lines = LocationHours.objects.filter(location_id__in=list(weeks)).order_by("sort_order")
    for office_id, weekday, opens, closes in lines.values_list(
        "location_id", "weekday", "opens", "closes"
    ):
        weeks[office_id][weekday].append(Interval(opens, closes))
    return weeks
