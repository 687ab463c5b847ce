"""The data migration that moves a site's address, phone, fax and regular week into its first
location: from a database at the schema before locations existed, nothing entered is lost."""

from datetime import time

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page, Site

from locations.models import LocationIndexPage, LocationPage
from tests.website.factories import build_site

BEFORE = [("locations", None)]  # also takes back hours' migration that needs the locations
BEFORE_STATE = [("hours", "0002_optional_page_links"), ("website", "0003_content_version")]

ADDRESS = {
    "street_address": "1200 W. Example Avenue, Suite 300",
    "locality": "Chicago",
    "region": "IL",
    "postal_code": "60607",
    "phone": "(312) 555-0142",
    "fax": "(312) 555-0143",
}
# Monday with a lunch break, Tuesday a long day, Saturday a morning.
WEEK = [
    (0, time(8), time(12)),
    (0, time(13), time(17)),
    (1, time(7, 30), time(19)),
    (5, time(9), time(12)),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def old_models():
    """The models as they were before the migration (today's schema)."""
    return MigrationExecutor(connection).loader.project_state(BEFORE_STATE).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def site_before_locations(transactional_db):
    build_site()
    migrate(BEFORE)
    yield Site.objects.get(is_default_site=True)
    migrate(latest())  # whatever happened, the next test finds today's schema


def test_address_phone_fax_and_week_move_into_the_first_location(site_before_locations, client):
    apps = old_models()
    apps.get_model("website", "PracticeSettings").objects.filter(
        site_id=site_before_locations.pk
    ).update(**ADDRESS)
    hours = apps.get_model("hours", "HoursSettings").objects.create(
        site_id=site_before_locations.pk
    )
    for position, (weekday, opens, closes) in enumerate(WEEK):
        apps.get_model("hours", "WeeklyHours").objects.create(
            settings=hours, weekday=weekday, opens=opens, closes=closes, sort_order=position
        )

    migrate(latest())

    office = LocationPage.objects.get()
    assert {field: getattr(office, field) for field in ADDRESS} == ADDRESS
    assert [(line.weekday, line.opens, line.closes) for line in office.weekly_hours.all()] == WEEK
    assert office.live and office.title == "Chicago office"
    index = LocationIndexPage.objects.get()
    assert office.get_parent().specific == index
    assert index.get_parent().pk == site_before_locations.root_page_id
    assert Page.find_problems() == ([], [], [], [], [])  # a tree treebeard can work with
    html = client.get("/locations/main-office/").content.decode()
    assert "1200 W. Example Avenue, Suite 300<br>Chicago, IL 60607" in html
    assert "8:00 AM \u2013 12:00 PM, 1:00 PM \u2013 5:00 PM" in html
    assert 'href="tel:+13125550143"' not in html and "(312) 555-0143" in html  # fax: no link
    assert client.get("/locations/").status_code == 200


def test_a_site_with_nothing_entered_gets_no_location(site_before_locations):
    old_models().get_model("website", "PracticeSettings").objects.update(phone="")
    migrate(latest())
    assert not LocationPage.objects.exists()
    assert not LocationIndexPage.objects.exists()
