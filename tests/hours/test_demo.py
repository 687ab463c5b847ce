"""The demo: a typical week, the coming Thanksgiving and winter holidays, the hours page in the
menu; staff edits survive a second run."""

from datetime import date, time
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from hours.demo import coming_holidays, thanksgiving
from hours.models import Closure, ClosureHours, HolidayHoursPage, WeeklyHours
from tests.harness.demo_snapshot import LATE_NOVEMBER

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        sorted(WeeklyHours.objects.values_list("weekday", "opens", "closes")),
        sorted(Closure.objects.values_list("label", "start_date", "end_date", "closed_all_day")),
        sorted(ClosureHours.objects.values_list("opens", "closes")),
        list(
            HolidayHoursPage.objects.filter(locale__language_code="en").values_list(
                "slug", "show_in_menus", "live"
            )
        ),
    )


@pytest.mark.parametrize(
    ("year", "day"),
    [(2026, date(2026, 11, 26)), (2027, date(2027, 11, 25)), (2030, date(2030, 11, 28))],
)
def test_thanksgiving_is_the_fourth_thursday_of_november(year, day):
    assert thanksgiving(year) == day


def labels(today: date) -> list[tuple[str, date]]:
    return [(holiday["label"], holiday["start_date"]) for holiday in coming_holidays(today)]


def test_coming_holidays_roll_over_once_the_season_is_past():
    assert labels(date(2026, 11, 21))[1:] == [
        ("Thanksgiving", date(2026, 11, 26)),
        ("Winter holidays", date(2026, 12, 24)),
    ]
    # Late December: next year's Thanksgiving, this winter's break.
    assert labels(date(2026, 12, 28))[1:] == [
        ("Thanksgiving", date(2027, 11, 25)),
        ("Winter holidays", date(2026, 12, 24)),
    ]
    # New Year's Day: the break under way is the one that began last December.
    assert labels(date(2027, 1, 1))[2] == ("Winter holidays", date(2026, 12, 24))


def test_demo_has_a_typical_week_and_the_banner_shows_in_late_november(client, demo_loaded_at):
    with time_machine.travel(LATE_NOVEMBER, tick=False):
        demo_loaded_at(LATE_NOVEMBER)
        html = client.get("/").content.decode()
    weekly, closures, special, pages = snapshot()
    assert weekly == [(day, time(8), time(17)) for day in range(5)]
    assert ("Thanksgiving", date(2026, 11, 26), date(2026, 11, 27), True) in closures
    assert ("Winter holidays", date(2026, 12, 24), date(2027, 1, 1), True) in closures
    assert special == [(time(8), time(12))]
    assert pages == [("holiday-hours", True, True)]
    assert "View our Holiday Hours to see when we&#x27;re closed this season." in html
    assert '<li><a href="/holiday-hours/">Holiday hours</a></li>' in html  # main navigation


def test_a_second_run_keeps_what_staff_changed(demo_loaded_at):
    with time_machine.travel(LATE_NOVEMBER, tick=False):
        demo_loaded_at(LATE_NOVEMBER)
        WeeklyHours.objects.filter(weekday=4).update(closes=time(15))
        Closure.objects.filter(label="Thanksgiving").update(label="Thanksgiving break")
        call_command("load_demo", stdout=StringIO())
    assert WeeklyHours.objects.get(weekday=4).closes == time(15)
    assert not Closure.objects.filter(label="Thanksgiving").exists()
    assert Closure.objects.filter(label="Thanksgiving break").count() == 1
