from wagtail import hooks

from hours.models.saved_schedule import (
    OFFICE_SCHEDULES_HOOK,
    OfficeSchedule,
    office_schedules_for_request,
)
from website.structured_data import CLINIC_STRUCTURED_DATA_HOOK

from .models import LocationPage
from .models.index import live_offices
from .schedules import offices_with_hours
from .structured_data import practice_with_offices


@hooks.register(OFFICE_SCHEDULES_HOOK)
def office_schedules(site, now, public_only=True) -> list[OfficeSchedule]:
    """Every published office of the site, the main one (first in the page tree) first: the
    footer, the banner and the holiday hours page read them through the hours app."""
    offices = live_offices(LocationPage.objects.in_site(site), public_only)
    return [
        OfficeSchedule(item.office.title, item.office.get_url(), item.schedule, item.office)
        for item in offices_with_hours(offices, now)
    ]


# After the hours app's hook (order 0), which gave the practice the main office's hours.
@hooks.register(CLINIC_STRUCTURED_DATA_HOOK, order=100)
def offices_of_the_practice(request, clinic: dict) -> None:
    # The offices the footer and banner read (office_schedules above, kept per request and by
    # the worker): reading them again cost two queries on every cold view.
    offices = [kept.page for kept in office_schedules_for_request(request) if kept.page]
    if offices:
        practice_with_offices(clinic, offices, request)
