"""Each office's Schedule (hours/schedule.py) from what staff saved: its own week and time zone,
and the closures and special hours for every office or ticked for it.

However many offices a page shows, this costs the same queries: the offices' weekly hours come
prefetched with them, and the closures still to come are read once for all of them.
"""

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from functools import cached_property

from django.utils import timezone

from hours.models import Closure, dated_hours
from hours.models.saved_schedule import (
    HoursSummary,
    office_schedules_for_request,
    practice_time_zone,
    summary,
)
from hours.schedule import DatedHours, Schedule, for_office


def current_entries(now: datetime) -> list[DatedHours]:
    """Closures and special hours not yet over anywhere (a day's margin: an office may be in
    another time zone than the practice; each Schedule drops what is over where it is)."""
    today = now.astimezone(practice_time_zone()).date()
    return dated_hours(Closure.objects.filter(end_date__gte=today - timedelta(days=1)))


def office_schedule(office, entries: Iterable[DatedHours], ticked_as=None, weekly=None) -> Schedule:
    """`ticked_as`: the office whose ticks on closures count (a translation is the same office
    as its English page, which closures tick). `weekly`: its week, when read already."""
    ticked = (ticked_as or office).pk
    weekly = office.weekly_intervals() if weekly is None else weekly
    return Schedule(weekly, for_office(entries, ticked), office.tz)


def named(entry: DatedHours, names: dict) -> DatedHours:
    """The entry naming its offices as `names` does, in `names`' order (the page tree's), when
    it knows them all; as it is otherwise (an office not published: its own title)."""
    if entry.everywhere or not entry.offices <= names.keys():
        return entry
    return replace(entry, office_names=tuple(names[pk] for pk in names if pk in entry.offices))


class OfficeHours:
    """An office, its schedule, and what it says at `now` (`hours`, worked out when first read:
    a page listing every office may need only some of it)."""

    def __init__(self, office, schedule: Schedule, now: datetime, request=None):
        self.office = office  # a LocationPage (not imported here: the models import this module)
        self.schedule = schedule
        self.now = now
        # Only for a schedule the worker keeps (never a preview's draft): see summary().
        self.request = request

    @cached_property
    def hours(self) -> HoursSummary:
        key = f"office:{self.office.pk}" if self.request is not None else ""
        return summary(self.schedule, self.now, self.request, key)


def offices_with_hours(
    offices: Iterable, now: datetime | None = None, ticked_as=None, names=None, weeks=None
) -> list[OfficeHours]:
    """Each office with its schedule and what it says now. `weeks` (office id -> its week):
    the offices' weeks read at once (office.weekly_intervals_of), else each office's own
    (a preview's draft). `names` (office id -> name): what the closures call the offices they
    are for, where not their titles (a page in Spanish)."""
    now = now or timezone.now()
    entries = current_entries(now)
    if names:
        entries = [named(entry, names) for entry in entries]
    weeks = weeks or {}
    return [
        OfficeHours(office, office_schedule(office, entries, ticked_as, weeks.get(office.pk)), now)
        for office in offices
    ]


def kept_offices_with_hours(request, now: datetime | None = None) -> list[OfficeHours]:
    """The site's published offices and their schedules as the worker keeps them between
    requests (website/site_memo.py): no query once kept; what they say now worked out afresh,
    what they say today kept with them (summary())."""
    now = now or timezone.now()
    return [
        OfficeHours(kept.page, kept.schedule, now, request)
        for kept in office_schedules_for_request(request)
        if kept.page is not None
    ]
