"""Opening hours in schema.org terms, added to the clinic node every page's JSON-LD carries.

Regular hours become `openingHoursSpecification` (days with the same hours share one entry);
closures and special hours still to come become `specialOpeningHoursSpecification` with
`validFrom`/`validThrough`, a closed day written as opens and closes at 00:00, as Google asks.
"""

from datetime import datetime

from django.utils import timezone

from .models.saved_schedule import schedule_for_request
from .schedule import WEEKDAYS, DatedHours, Schedule


def _hours(opens, closes) -> dict:
    return {"opens": opens.strftime("%H:%M"), "closes": closes.strftime("%H:%M")}


def opening_hours_specification(schedule: Schedule) -> list[dict]:
    by_hours: dict[tuple, list[str]] = {}
    for weekday in range(7):
        for interval in schedule.weekly[weekday]:
            by_hours.setdefault((interval.opens, interval.closes), []).append(WEEKDAYS[weekday])
    return [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": days, **_hours(opens, closes)}
        for (opens, closes), days in sorted(by_hours.items())
    ]


def special_opening_hours_specification(entries: list[DatedHours]) -> list[dict]:
    specifications = []
    for entry in entries:
        dates = {
            "validFrom": entry.first_day.isoformat(),
            "validThrough": entry.last_day.isoformat(),
        }
        times = [(i.opens, i.closes) for i in entry.intervals] or [(None, None)]
        for opens, closes in times:
            if opens is None:  # closed all day
                hours = {"opens": "00:00", "closes": "00:00"}
            else:
                hours = _hours(opens, closes)
            specifications.append(
                {"@type": "OpeningHoursSpecification", "name": entry.label, **dates, **hours}
            )
    return specifications


def add_opening_hours(request, clinic: dict, now: datetime | None = None) -> None:
    """Adds the hours to the clinic node (a hook: see hours/wagtail_hooks.py)."""
    schedule = schedule_for_request(request)
    if schedule is None:
        return
    if regular := opening_hours_specification(schedule):
        clinic["openingHoursSpecification"] = regular
    if special := special_opening_hours_specification(schedule.upcoming(now or timezone.now())):
        clinic["specialOpeningHoursSpecification"] = special
