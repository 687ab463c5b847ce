"""The Schedule built from what staff saved, and the summary every hours display shows.

Built at most once per request (kept on the request object, so the banner, footer, page and
JSON-LD of one response agree). Between requests a worker keeps it until a save or midnight
(website/site_memo.py), so a save still shows on the very next page view.
"""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from wagtail.models import Site

from website.site_memo import remember

from ..schedule import DatedHours, Schedule, Status, WeeklyRow
from .closures import Closure
from .regular import HoursSettings


def practice_time_zone() -> ZoneInfo:
    # Read on every call (not at import), so PRACTICE_TIME_ZONE is the only source of truth.
    return ZoneInfo(settings.TIME_ZONE)


def schedule_for_site(site: Site, now: datetime | None = None) -> Schedule:
    tz = practice_time_zone()
    today = (now or timezone.now()).astimezone(tz).date()
    current = Closure.objects.filter(end_date__gte=today).prefetch_related("special_hours")
    hours = HoursSettings.for_site(site)
    return Schedule(hours.weekly_intervals(), [c.as_dated_hours() for c in current], tz)


def schedule_for_request(request) -> Schedule | None:
    """None when the request matches no site (nothing to show)."""
    if not hasattr(request, "_hours_schedule"):
        request._hours_schedule = remember(request, "hours-schedule", lambda: _build(request))
    return request._hours_schedule


def _build(request) -> Schedule | None:
    site = Site.find_for_request(request)
    return schedule_for_site(site) if site is not None else None


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


def summary(schedule: Schedule, now: datetime | None = None) -> HoursSummary:
    now = now or timezone.now()
    today = schedule.today(now)
    return HoursSummary(
        status=schedule.status(now) if schedule.has_regular_hours else None,
        weekly=schedule.weekly_rows(),
        weekly_grouped=schedule.weekly_rows(group=True),
        upcoming=[
            UpcomingRow(entry, entry.dates_text(today), entry.first_day <= today)
            for entry in schedule.upcoming(now)
        ],
        today_weekday=today.weekday(),
    )


def summary_for_request(request) -> HoursSummary | None:
    schedule = schedule_for_request(request)
    return summary(schedule) if schedule is not None else None
