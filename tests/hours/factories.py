"""Builders for hours tests: weekly hours, closures (with special hours) and the hours page."""

from datetime import date, time

import factory
import wagtail_factories
from wagtail.models import Site

from hours.models import Closure, ClosureHours, HolidayHoursPage, HoursSettings, WeeklyHours


class HolidayHoursPageFactory(wagtail_factories.PageFactory):
    title = "Holiday hours"
    slug = "holiday-hours"
    intro = "When we're closed."

    class Meta:
        model = HolidayHoursPage


class WeeklyHoursFactory(factory.django.DjangoModelFactory):
    settings = factory.LazyFunction(
        lambda: HoursSettings.for_site(Site.objects.get(is_default_site=True))
    )
    weekday = 0
    opens = time(8)
    closes = time(17)

    class Meta:
        model = WeeklyHours


class ClosureFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Holiday {n}")
    start_date = date(2026, 11, 26)
    end_date = None
    closed_all_day = True
    note = ""

    class Meta:
        model = Closure
        skip_postgeneration_save = True

    @factory.post_generation
    def hours(closure, create, extracted, **kwargs):
        """ClosureFactory(hours=[(time(8), time(12))]) makes special hours (not closed)."""
        if not extracted:
            return
        for opens, closes in extracted:
            ClosureHours.objects.create(closure=closure, opens=opens, closes=closes)
        closure.closed_all_day = False
        closure.save()

    @factory.post_generation
    def offices(closure, create, extracted, **kwargs):
        """ClosureFactory(offices=[oak_park]) applies it to those offices only."""
        if extracted:
            closure.locations.set(extracted)
            closure.save()  # a ParentalManyToManyField is written on save


def set_weekly_hours(week: dict[int, list[tuple[time, time]]]) -> None:
    """Replaces the default site's regular hours: {weekday: [(opens, closes), ...]}."""
    WeeklyHours.objects.all().delete()
    for weekday, intervals in week.items():
        for opens, closes in intervals:
            WeeklyHoursFactory(weekday=weekday, opens=opens, closes=closes)


WEEKDAYS_8_TO_5 = {day: [(time(8), time(17))] for day in range(5)}
WEEKDAYS_WITH_LUNCH = {day: [(time(8), time(12)), (time(13), time(17))] for day in range(5)}
