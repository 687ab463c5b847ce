from wagtail import hooks

from hours.models.saved_schedule import OFFICE_SCHEDULES_HOOK, OfficeSchedule

from .models import LocationPage
from .models.index import live_offices
from .schedules import offices_with_hours


@hooks.register(OFFICE_SCHEDULES_HOOK)
def office_schedules(site, now, public_only=True) -> list[OfficeSchedule]:
    """Every published office of the site, the main one (first in the page tree) first: the
    footer, the banner and the holiday hours page read them through the hours app."""
    offices = live_offices(LocationPage.objects.in_site(site), public_only)
    return [
        OfficeSchedule(item.office.title, item.office.get_url(), item.schedule)
        for item in offices_with_hours(offices, now)
    ]
