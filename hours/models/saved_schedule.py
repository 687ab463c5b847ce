"""The Schedule built from what staff saved, and the summary every hours display shows.

Built at most once per request (kept on the request object, so the banner, footer, page and
JSON-LD of one response agree). Between requests a worker keeps it until a save or midnight
(website/site_memo.py), so a save still shows on the very next page view.
"""

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Site

from website.site_memo import remember

from ..schedule import DatedHours, DayHours, Schedule, Status, WeeklyRow
from .closures import Closure, dated_hours
from .regular import HoursSettings


def practice_time_zone() -> ZoneInfo:
    # Read on every call (not at import), so PRACTICE_TIME_ZONE is the only source of truth.
    return ZoneInfo(settings.TIME_ZONE)


# The offices and their schedules come from the locations app through this Wagtail hook (the
# hours app does not import it: locations builds on hours). A function (site, now) returning a
# list of OfficeSchedule, the main office first; an empty list while there are none. With
# public_only=False it includes offices behind a view restriction (for the cache's expiry).
OFFICE_SCHEDULES_HOOK = "practice_office_schedules"


@dataclass(frozen=True)
class OfficeSchedule:
    name: str
    url: str  # the office's page, "" when it has none
    schedule: Schedule
    # The office's page as the worker keeps it (site_memo): read it, never change it.
    page: object = None


def office_schedules_for_site(
    site: Site, now: datetime | None = None, public_only: bool = True
) -> list[OfficeSchedule]:
    for offices_of in hooks.get_hooks(OFFICE_SCHEDULES_HOOK):
        if offices := offices_of(site, now or timezone.now(), public_only):
            return offices
    return []


def office_schedules_for_request(request) -> list[OfficeSchedule]:
    if not hasattr(request, "_office_schedules"):
        request._office_schedules = remember(
            request,
            "office-schedules",
            lambda: _offices_of_request(request),
            survives_page_changes=True,  # every page's footer and JSON-LD show them
        )
    return request._office_schedules


def _offices_of_request(request) -> list[OfficeSchedule]:
    site = Site.find_for_request(request)
    return office_schedules_for_site(site) if site is not None else []


def schedule_for_site(
    site: Site, now: datetime | None = None, public_only: bool = True
) -> Schedule:
    """The practice's schedule: its main office's, or (before there are offices) the week in
    Settings → Opening hours with every closure."""
    if offices := office_schedules_for_site(site, now, public_only):
        return offices[0].schedule
    tz = practice_time_zone()
    today = (now or timezone.now()).astimezone(tz).date()
    current = dated_hours(Closure.objects.filter(end_date__gte=today))
    hours = HoursSettings.for_site(site)
    return Schedule(hours.weekly_intervals(), current, tz)


def schedule_for_request(request) -> Schedule | None:
    """None when the request matches no site (nothing to show)."""
    if not hasattr(request, "_hours_schedule"):
        request._hours_schedule = remember(
            request, "hours-schedule", lambda: _build(request), survives_page_changes=True
        )
    return request._hours_schedule


def _build(request) -> Schedule | None:
    if offices := office_schedules_for_request(request):
        return offices[0].schedule
    site = Site.find_for_request(request)
    return schedule_for_site(site) if site is not None else None


def every_entry(request) -> list[DatedHours]:
    """Closures and special hours at any office (the banner announces them all), by date."""
    schedules = [office.schedule for office in office_schedules_for_request(request)]
    if not schedules and (schedule := schedule_for_request(request)) is not None:
        schedules = [schedule]
    by_key = {entry.key: entry for schedule in schedules for entry in schedule.dated}
    return sorted(by_key.values(), key=lambda entry: (entry.first_day, entry.last_day))


@dataclass(frozen=True)
class UpcomingRow:
    entry: DatedHours
    dates: str
    under_way: bool


@dataclass(frozen=True)
class HoursSummary:
    status: Status | None  # None until staff have entered regular hours
    weekly: list[WeeklyRow]
    weekly_grouped: list[WeeklyRow]
    upcoming: list[UpcomingRow]
    today_weekday: int
    coming_days: list[DayHours]


def summary(schedule: Schedule, now: datetime | None = None, request=None, key="") -> HoursSummary:
    """What `schedule` says at `now`. With a request and a `key` naming the schedule as the
    worker keeps it (never a preview's draft), what depends only on the content and the
    schedule's local date (the week, the closures to come, the coming days) is kept with the
    site-wide fragments (website/site_memo.py: until the next save), under that date, so
    midnight starts a new one; today's status depends on the time and is worked out afresh."""
    now = now or timezone.now()
    today = schedule.today(now)
    if request is not None and key:
        day = remember(
            request, f"hours-day:{key}:{today.isoformat()}", lambda: _day(schedule, today)
        )
        status = _kept_status(request, key, schedule, now)
    else:
        day = _day(schedule, today)
        status = schedule.status(now) if schedule.has_regular_hours else None
    return HoursSummary(status, *day)


def _kept_status(request, key: str, schedule: Schedule, now: datetime) -> Status | None:
    """Today's status says itself until when it is true (`valid_until`: the next opening or
    closing, or midnight): kept with the fragments, it is used only until then, and worked out
    afresh after (the fragments themselves expire at the earliest such moment of any office:
    hours/wagtail_hooks.py's next_hours_change)."""
    if not schedule.has_regular_hours:
        return None
    built_at, kept = remember(request, f"hours-status:{key}", lambda: (now, schedule.status(now)))
    if now < built_at or (kept.valid_until is not None and now >= kept.valid_until):
        return schedule.status(now)
    return kept


def _day(schedule: Schedule, today) -> tuple:
    """HoursSummary's fields after `status`: nothing in them changes during the day `today`."""
    # coming_days() and upcoming() read only the date of the moment they are given.
    noon = schedule.at(today, time(12))
    return (
        schedule.weekly_rows(),
        schedule.weekly_rows(group=True),
        [
            UpcomingRow(entry, entry.dates_text(today), entry.first_day <= today)
            for entry in schedule.upcoming(noon)
        ],
        today.weekday(),
        schedule.coming_days(noon),
    )


# The key of the practice's own schedule (the main office's, or Settings → Opening hours).
PRACTICE_KEY = "practice"


def summary_for_request(request) -> HoursSummary | None:
    schedule = schedule_for_request(request)
    return summary(schedule, request=request, key=PRACTICE_KEY) if schedule is not None else None
