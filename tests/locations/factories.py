"""Builders for location tests: the locations page, offices with their weekly hours."""

from datetime import time

import factory
import wagtail_factories

from locations.models import LocationHours, LocationIndexPage, LocationPage


class LocationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Locations"
    slug = "locations"
    intro = "Where we see patients."

    class Meta:
        model = LocationIndexPage


class LocationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Office {n}")
    slug = factory.Sequence(lambda n: f"office-{n}")
    street_address = factory.Sequence(lambda n: f"{100 + n} W. Example Avenue, Suite 300")
    locality = "Chicago"
    region = "IL"
    postal_code = "60607"
    phone = "(312) 555-0142"
    fax = "(312) 555-0143"

    class Meta:
        model = LocationPage
        skip_postgeneration_save = True

    @factory.post_generation
    def week(office, create, extracted, **kwargs):
        """LocationPageFactory(week={0: [(time(8), time(17))]}) gives it weekly hours."""
        for weekday, intervals in (extracted or {}).items():
            for opens, closes in intervals:
                LocationHours.objects.create(
                    location=office, weekday=weekday, opens=opens, closes=closes
                )


WEEKDAYS_8_TO_5 = {day: [(time(8), time(17))] for day in range(5)}
SATURDAY_MORNING = {5: [(time(9), time(12))]}
