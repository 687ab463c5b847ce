"""The holiday hours page (/holiday-hours/) and its calendar feed (/holiday-hours/closures.ics)."""

from django.conf import settings
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from website.blocks import BodyBlock
from website.models import PracticeSettings
from website.page_serving import PageServingMixin
from website.structured_data import clinic_id, page_node, page_public_url

from .saved_schedule import (
    PRACTICE_KEY,
    UpcomingRow,
    every_entry,
    office_schedules_for_request,
    schedule_for_request,
    summary,
)

FEED_NAME = "closures.ics"


class HolidayHoursPage(RoutablePageMixin, PageServingMixin, Page):
    """Today's status, the closures and special hours to come, and the regular week. The dates
    and hours themselves are edited in Settings → Opening hours and Closures (admin menu)."""

    intro = models.TextField(
        blank=True,
        max_length=500,
        help_text="A sentence under the title, e.g. 'When we're closed for the holidays, and our "
        "regular hours.' The dates and hours fill in by themselves.",
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text="Optional, shown below the hours: e.g. what to do when the office is closed.",
    )

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count = 1
    template = "hours/holiday_hours_page.html"

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("holiday hours page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        schedule = schedule_for_request(request)
        context["hours"] = (
            summary(schedule, request=request, key=PRACTICE_KEY) if schedule is not None else None
        )
        if schedule is not None:
            now = timezone.now()
            today = schedule.today(now)
            # Closures and special hours at any office; each office's coming week, real dates.
            context["upcoming"] = [
                UpcomingRow(entry, entry.dates_text(today), entry.first_day <= today)
                for entry in every_entry(request)
                if entry.last_day >= today
            ]
            # Each office's coming week, real dates: its table is kept (hours_tags.coming_week).
            context["office_weeks"] = office_schedules_for_request(request)
        context["feed_url"] = self.feed_url(request)
        context["feed_subscribe_url"] = subscribe_url(context["feed_url"])
        return context

    def feed_url(self, request=None) -> str:
        return f"{page_public_url(self, request)}{FEED_NAME}"

    # Wagtail's router only passes paths ending in "/"; website/urls.py hands it "*.ics" paths.
    @path(f"{FEED_NAME}/", name="closures_feed")
    def closures_feed(self, request):
        schedule = schedule_for_request(request)
        now = timezone.now()
        today = schedule.today(now) if schedule is not None else None
        entries = [e for e in every_entry(request) if e.last_day >= today] if today else []
        return calendar_response(request, self, entries, now)

    def structured_data(self, request) -> list[dict]:
        return [
            page_node(
                self,
                "WebPage",
                "webpage",
                request,
                name=self.seo_title or self.title,
                about={"@id": clinic_id()},
            )
        ]


def subscribe_url(feed_url: str) -> str:
    """webcal:// asks a phone or desktop to subscribe (and keep refreshing) rather than import
    the file once."""
    return "webcal://" + feed_url.split("://", 1)[-1]


def calendar_response(request, page, entries, now, *, office_name="", feed_key="") -> HttpResponse:
    """The closures calendar of `page` (the holiday hours page: every office; an office's page:
    that office, named in the calendar and its events)."""
    # Imported here: icalendar costs each web worker about 3 MB, and only calendar apps
    # polling the feed (every few hours) need it, never the pages themselves.
    from ..calendar_feed import closures_calendar

    practice_name = PracticeSettings.for_request(request).name
    body = closures_calendar(
        entries,
        practice_name=f"{practice_name}, {office_name}" if office_name else practice_name,
        site_url=settings.SITE_URL,
        page_url=page_public_url(page, request),
        now=now,
        feed_key=feed_key,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{FEED_NAME}"'
    return response
