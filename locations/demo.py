"""Demo offices: the downtown main office (the practice's address, Monday to Friday 8 to 5) and a
suburban satellite with its own week (a lunch break, a Saturday morning), Dr. Weber at both, a
staff training day that closes the satellite only, and the contact page.

The offices and their addresses are fictional, like the practice (555-01xx numbers are reserved
for fiction). Safe to run again: pages are found by slug (the main office: whichever office is
first, such as the one the data migration made), Dr. Weber's offices are set only while he has
none, the training day is added only while none is to come.
"""

from datetime import time, timedelta

from django.utils import timezone

from hours.models import Closure
from hours.models.saved_schedule import practice_time_zone
from physicians.models import PhysicianPage
from website.demo import PRACTICE
from website.demo_pages import ensure_published_child
from website.models import HomePage

from .models import ContactPage, LocationHours, LocationIndexPage, LocationPage

INDEX = {
    "title": "Locations",
    "slug": "locations",
    "intro": "Where we see patients: addresses, hours, parking and how to get in.",
    "show_in_menus": True,
}
DOWNTOWN = {
    "title": "Downtown Chicago",
    "slug": "downtown",
    "intro": "Our main office, in the West Loop.",
    **{key: PRACTICE[key] for key in ["street_address", "locality", "region", "postal_code"]},
    "phone": PRACTICE["phone"],
    "fax": PRACTICE["fax"],
    "parking": "Parking garage under the building (entrance on Example Street). Bring your "
    "ticket: the front desk validates it.",
    "public_transport": "Bus stop at the corner of Example Avenue. The nearest train station is "
    "a five-minute walk.",
    "building_access": "Step-free entrance on Example Avenue; elevators to the 3rd floor. "
    "Wheelchairs are available at the front desk.",
}
DOWNTOWN_WEEK = {day: [(time(8), time(17))] for day in range(5)}
SATELLITE = {
    "title": "Oak Brook",
    "slug": "oak-brook",
    "intro": "Our suburban office, with Saturday morning appointments.",
    "street_address": "2100 Example Road, Suite 110",
    "locality": "Oak Brook",
    "region": "IL",
    "postal_code": "60523",
    "phone": "(630) 555-0150",
    "fax": "(630) 555-0151",
    "parking": "Free parking in front of the building, with accessible spaces by the door.",
    "public_transport": "Bus stop on Example Road, across the street.",
    "building_access": "Ground floor, step-free entrance, automatic door.",
}
# Monday, Wednesday and Thursday with a lunch break; Saturday morning.
SATELLITE_WEEK = {
    0: [(time(9), time(12)), (time(13), time(17))],
    2: [(time(9), time(12)), (time(13), time(17))],
    3: [(time(9), time(12)), (time(13), time(17))],
    5: [(time(8), time(12))],
}
TRAINING_DAY = "Staff training day"
CONTACT = {
    "title": "Contact us",
    "slug": "contact",
    "intro": "Call, email or visit: how to reach us.",
    "show_in_menus": True,
}


def load(stdout) -> None:
    home = HomePage.objects.first()
    index, _ = ensure_published_child(
        home, LocationIndexPage.objects.all(), LocationIndexPage(**INDEX), stdout,
        "locations page created",
    )  # fmt: skip
    offices = LocationPage.objects.child_of(index).order_by("path")
    main = _office(index, offices[:1], DOWNTOWN, DOWNTOWN_WEEK, stdout)
    satellite = _office(
        index, offices.filter(slug=SATELLITE["slug"]), SATELLITE, SATELLITE_WEEK, stdout
    )
    _weber_at(main, satellite, stdout=stdout)
    _training_day(satellite, stdout)
    ensure_published_child(
        home, ContactPage.objects.all(), ContactPage(**CONTACT), stdout, "contact page created"
    )


def _office(index, existing, fields: dict, week: dict, stdout) -> LocationPage:
    office, created = ensure_published_child(
        index, existing, LocationPage(**fields), stdout, f"office created: {fields['title']}"
    )
    if created:
        for weekday, intervals in week.items():
            for opens, closes in intervals:
                LocationHours.objects.create(
                    location=office, weekday=weekday, opens=opens, closes=closes
                )
        office.save_revision().publish()  # the published revision has the hours too
    return office


def _weber_at(*offices, stdout) -> None:
    weber = PhysicianPage.objects.filter(slug="thomas-weber").first()
    if weber is None or weber.locations.exists():
        return
    weber.locations.set(offices)
    weber.save_revision().publish()
    stdout.write("  Dr. Weber sees patients at both offices")


def _training_day(office, stdout) -> None:
    today = timezone.now().astimezone(practice_time_zone()).date()
    if Closure.objects.filter(label=TRAINING_DAY, end_date__gte=today).exists():
        return
    # A Wednesday a week or two ahead (inside the banner's two weeks, so it shows at once),
    # on no holiday already entered.
    day = today + timedelta(days=7 + (2 - today.weekday()) % 7)
    while Closure.objects.filter(start_date__lte=day, end_date__gte=day).exists():
        day += timedelta(weeks=1)
    closure = Closure.objects.create(label=TRAINING_DAY, start_date=day, end_date=day)
    closure.locations.set([office])
    closure.save()
    stdout.write(f"  closure added for {office.title} only: {closure}")
