from datetime import datetime

import django_filters
from django import forms
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.models import Site
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from website.invalidation import EXPIRY_HOOK
from website.site_notices import SITE_NOTICES_HOOK
from website.site_pages import SITE_PAGES_HOOK
from website.structured_data import CLINIC_STRUCTURED_DATA_HOOK

from .models import Closure, HolidayHoursPage
from .models.saved_schedule import office_schedules_for_site, practice_time_zone, schedule_for_site
from .notices import holiday_banner
from .structured_data import add_opening_hours


class ClosureFilterSet(WagtailFilterSet):
    """Coming and under way unless staff ask for the past ones: those are what the front desk
    works with."""

    when = django_filters.ChoiceFilter(
        label="When",
        choices=[("past", "Past"), ("all", "All")],
        empty_label="Coming and under way",
        widget=forms.RadioSelect,
        method="filter_when",
    )

    class Meta:
        model = Closure
        fields = ["when"]

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("when"):  # the empty choice: coming and under way
            queryset = self.filter_when(queryset, "when", "coming")
        return queryset

    def filter_when(self, queryset, name, value):
        today = timezone.now().astimezone(practice_time_zone()).date()
        if value == "past":
            return queryset.filter(end_date__lt=today)
        if value == "all":
            return queryset
        return queryset.filter(end_date__gte=today)


class ClosureViewSet(SnippetViewSet):
    """Its own item in the admin menu: the thing front-desk staff edit most often."""

    model = Closure
    icon = "date"
    menu_label = "Closures"
    menu_name = "closures"
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        Column("label", label="Name"),
        Column("dates_text", label="Dates"),
        Column("hours_text", label="Hours"),
        Column("offices_text", label="Offices"),
    ]
    # By date, the next one first; past entries are under the "When: Past" filter.
    ordering = ["start_date"]
    filterset_class = ClosureFilterSet


register_snippet(ClosureViewSet)

# The holiday banner above every page, and the clinic's opening hours in every page's JSON-LD.
hooks.register(SITE_NOTICES_HOOK, holiday_banner)
hooks.register(CLINIC_STRUCTURED_DATA_HOOK, add_opening_hours)


@hooks.register(SITE_PAGES_HOOK)
def holiday_hours_pages():
    return HolidayHoursPage, "site"  # linked by the banner and the footer


@hooks.register(EXPIRY_HOOK)
def next_hours_change(now: datetime) -> datetime | None:
    """The moment today's status ("Open now, closes at 5:00 PM") of any office stops being true,
    with nobody saving anything: no cached page or fragment showing it outlives that moment."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    offices = office_schedules_for_site(site, now, public_only=False)
    schedules = [office.schedule for office in offices] or [
        schedule_for_site(site, now, public_only=False)
    ]
    changes = [schedule.status(now).valid_until for schedule in schedules]
    return min((moment for moment in changes if moment is not None), default=None)
