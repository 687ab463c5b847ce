"""The demo: two offices with their own weeks, Dr. Weber at both, a closure for the satellite
only, the contact page; a second run changes nothing."""

from datetime import time
from io import StringIO

import pytest
from django.core.management import call_command

from hours.models import Closure
from locations.models import ContactPage, LocationHours, LocationPage
from physicians.models import PhysicianPage

pytestmark = pytest.mark.django_db


def snapshot(language=None):
    """The demo's offices, their weeks, closures, contact page and physicians' offices (those
    of the pages in `language`, or of every language)."""
    pages = {"locale__language_code": language} if language else {}
    offices = LocationPage.objects.filter(**pages).order_by("path")
    hours = LocationHours.objects.filter(location__in=offices)
    return (
        list(offices.values_list("slug", "live", "street_address")),
        sorted(hours.values_list("location__slug", "weekday", "opens", "closes")),
        sorted(Closure.objects.values_list("label", "start_date", "locations__slug")),
        list(ContactPage.objects.filter(**pages).values_list("slug", "live")),
        sorted(PhysicianPage.objects.filter(**pages).values_list("slug", "locations__slug")),
    )


def test_demo_offices_and_a_second_run_changes_nothing(client, demo):
    first = snapshot()
    offices, week, closures, contact, physicians = snapshot("en")
    assert [slug for slug, _, _ in offices] == ["downtown", "oak-brook"]
    assert ("oak-brook", 5, time(8), time(12)) in week  # a Saturday morning
    assert not any(slug == "downtown" and day == 5 for slug, day, _, _ in week)
    [training] = [c for c in closures if c[0] == "Staff training day"]
    assert training[2] == "oak-brook"
    assert ("thomas-weber", "downtown") in physicians and (
        "thomas-weber",
        "oak-brook",
    ) in physicians
    assert contact == [("contact", True)]
    call_command("load_demo", stdout=StringIO())
    assert snapshot() == first
    html = client.get("/").content.decode()
    assert "Closed Wednesday" in html and "at Oak Brook (Staff training day)" in html
    footer = html[html.index('<footer class="site-footer">') :]
    assert ">Downtown Chicago</a>" in footer and ">All our locations</a>" in footer
    for path in ["/locations/", "/locations/downtown/", "/locations/oak-brook/", "/contact/"]:
        assert client.get(path).status_code == 200, path
