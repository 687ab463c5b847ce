"""Staff add an office in the page editor: its week with a lunch break, a time zone; what is
wrong is refused with a message that says what to do."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from locations.models import LocationPage
from tests.accounts.factories import login_verified
from tests.appointments.factories import user_in_group

pytestmark = pytest.mark.django_db


def office_post(lines, **fields):
    return nested_form_data(
        {
            "title": "Oak Brook",
            "slug": "oak-brook",
            "street_address": "2100 Example Road, Suite 110",
            "locality": "Oak Brook",
            "region": "IL",
            "postal_code": "60523",
            "phone": "(630) 555-0150",
            "action-publish": "action-publish",
            **fields,
            "weekly_hours": inline_formset(
                [{"weekday": str(d), "opens": o, "closes": c} for d, o, c in lines]
            ),
        }
    )


@pytest.fixture
def add_url(locations_page):
    return reverse("wagtailadmin_pages:add", args=["locations", "locationpage", locations_page.pk])


def errors_text(response) -> str:
    assert response.status_code == 200, "an invalid form is shown again, not redirected"
    return response.content.decode().replace("&#x27;", "'")


def test_an_office_with_a_lunch_break_and_a_saturday_is_published(admin_client, add_url):
    lines = [(0, "09:00", "12:00"), (0, "13:00", "17:00"), (5, "08:00", "12:00")]
    response = admin_client.post(add_url, office_post(lines, time_zone=""))
    assert response.status_code == 302
    office = LocationPage.objects.get(slug="oak-brook", locale__language_code="en")
    assert office.live
    assert office.weekly_intervals()[0][1].opens.hour == 13
    assert str(office.tz) == "America/Chicago"  # the practice's
    html = admin_client.get("/locations/oak-brook/").content.decode()
    assert "9:00 AM \u2013 12:00 PM, 1:00 PM \u2013 5:00 PM" in html


def test_overlapping_lines_a_wrong_time_zone_and_half_a_position_are_refused(admin_client, add_url):
    lines = [(0, "09:00", "12:00"), (0, "11:00", "17:00")]
    post = office_post(lines, time_zone="Chicago", latitude="41.8")
    html = errors_text(admin_client.post(add_url, post))
    assert (
        "Monday already has 9:00 AM \u2013 12:00 PM, which overlaps 11:00 AM \u2013 5:00 PM" in html
    )
    assert "'Chicago' is not a time zone name. Use one like America/Chicago" in html
    assert "Enter both the latitude and the longitude, or neither." in html
    assert not LocationPage.objects.exists()


def test_only_superusers_see_who_is_emailed(admin_client, add_url, client):
    assert 'name="appointment_recipients"' in admin_client.get(add_url).content.decode()
    login_verified(client, user_in_group("eddie", "Editors"))
    editor_form = client.get(add_url)
    assert editor_form.status_code == 200
    assert 'name="street_address"' in editor_form.content.decode()
    assert 'name="appointment_recipients"' not in editor_form.content.decode()
