"""Demo hours: a typical week (Monday to Friday, 8 AM to 5 PM), the coming Thanksgiving and
winter holidays, and the holiday hours page in the main navigation.

Safe to run again: weekly hours are added only while none exist, a holiday only when nothing is
entered for its dates yet, and the page only once. Run in late November or December, the banner
shows straight away.
"""

from datetime import date, time, timedelta

from django.utils import timezone
from wagtail.models import Site

from website.demo_pages import ensure_published_child
from website.models import HomePage

from .models import Closure, ClosureHours, HolidayHoursPage, HoursSettings, WeeklyHours
from .models.saved_schedule import practice_time_zone

WORKDAYS = range(5)  # Monday to Friday
OPENS, CLOSES = time(8), time(17)

PAGE = {
    "title": "Holiday hours",
    "slug": "holiday-hours",
    "intro": "When we're closed for the holidays, and our regular hours.",
    "show_in_menus": True,
}


def thanksgiving(year: int) -> date:
    """The fourth Thursday of November."""
    first = date(year, 11, 1)
    first_thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    return first_thursday + timedelta(weeks=3)


def coming_holidays(today: date) -> list[dict]:
    """This season's holidays, or next year's once this year's are over."""
    year = today.year if today <= thanksgiving(today.year) + timedelta(days=1) else today.year + 1
    day = thanksgiving(year)
    # Winter break runs Dec 24 to Jan 1: on Jan 1 itself it is last year's that is under way.
    winter_year = today.year - 1 if (today.month, today.day) == (1, 1) else today.year
    return [
        {
            "label": "Day before Thanksgiving",
            "start_date": day - timedelta(days=1),
            "end_date": day - timedelta(days=1),
            "closed_all_day": False,
            "note": "We close early. Phones are answered until noon.",
            "hours": [(time(8), time(12))],
        },
        {
            "label": "Thanksgiving",
            "start_date": day,
            "end_date": day + timedelta(days=1),
            "note": "We reopen Monday. In a medical emergency, call 911.",
        },
        {
            "label": "Winter holidays",
            "start_date": date(winter_year, 12, 24),
            "end_date": date(winter_year + 1, 1, 1),
            "note": "We reopen on the first working day of the new year.",
        },
    ]


def load(stdout) -> None:
    _weekly_hours(stdout)
    today = timezone.now().astimezone(practice_time_zone()).date()
    for holiday in coming_holidays(today):
        _closure(holiday, stdout)
    _page(stdout)


def _weekly_hours(stdout) -> None:
    hours = HoursSettings.for_site(Site.objects.get(is_default_site=True))
    if hours.weekly_hours.exists():
        return
    for weekday in WORKDAYS:
        WeeklyHours.objects.create(settings=hours, weekday=weekday, opens=OPENS, closes=CLOSES)
    stdout.write("  regular hours set: Monday to Friday, 8 AM to 5 PM")


def _closure(holiday: dict, stdout) -> None:
    first, last = holiday["start_date"], holiday["end_date"]
    if Closure.objects.filter(start_date__lte=last, end_date__gte=first).exists():
        return
    hours = holiday.get("hours", [])
    closure = Closure.objects.create(
        label=holiday["label"],
        start_date=first,
        end_date=last,
        closed_all_day=holiday.get("closed_all_day", True),
        note=holiday["note"],
    )
    for opens, closes in hours:
        ClosureHours.objects.create(closure=closure, opens=opens, closes=closes)
    stdout.write(f"  closure added: {closure}")


def _page(stdout) -> None:
    ensure_published_child(
        HomePage.objects.first(),
        HolidayHoursPage.objects.all(),
        HolidayHoursPage(**PAGE),
        stdout,
        "holiday hours page created",
    )
