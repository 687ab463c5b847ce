"""Staff edit hours in Wagtail's admin: bad input gets a clear message next to the field and keeps
what was typed; good input saves and reaches the public site."""

from datetime import UTC, date, datetime, time

import pytest
import time_machine
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from hours.models import Closure, WeeklyHours

from .factories import ClosureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hours_settings_url(home_page):
    # Site settings are edited per site: the URL carries the site's id.
    site = Site.objects.get(is_default_site=True)
    return reverse("wagtailsettings:edit", args=["hours", "hourssettings", site.pk])


def weekly_post(lines, **banner):
    return nested_form_data(
        {
            "banner_enabled": "on",
            "banner_message": "View our Holiday Hours to see when we're closed this season.",
            "banner_days_ahead": "14",
            **banner,
            "weekly_hours": inline_formset(
                [
                    {"weekday": str(day), "opens": opens, "closes": closes}
                    for day, opens, closes in lines
                ]
            ),
        }
    )


def closure_post(special_hours=(), **fields):
    return nested_form_data(
        {
            "label": "Winter break",
            "start_date": "2026-12-24",
            "end_date": "2027-01-01",
            "closed_all_day": "on",
            "note": "We reopen January 4.",
            **fields,
            "special_hours": inline_formset(
                [{"opens": opens, "closes": closes} for opens, closes in special_hours]
            ),
        }
    )


def errors_text(response) -> str:
    assert response.status_code == 200, "an invalid form is shown again, not redirected"
    return response.content.decode().replace("&#x27;", "'")


def test_weekly_hours_with_a_lunch_break_save(admin_client, hours_settings_url):
    response = admin_client.post(
        hours_settings_url,
        weekly_post([(0, "08:00", "12:00"), (0, "13:00", "17:00"), (1, "08:00", "17:00")]),
    )
    assert response.status_code == 302
    assert sorted(WeeklyHours.objects.values_list("weekday", "opens", "closes")) == [
        (0, time(8), time(12)),
        (0, time(13), time(17)),
        (1, time(8), time(17)),
    ]


def test_closing_before_opening_is_refused_with_a_clear_message(admin_client, hours_settings_url):
    html = errors_text(admin_client.post(hours_settings_url, weekly_post([(2, "17:00", "08:00")])))
    assert "The closing time must be later than the opening time (5:00 PM)." in html
    assert not WeeklyHours.objects.exists()


def test_overlapping_hours_on_the_same_day_are_refused(admin_client, hours_settings_url):
    post = weekly_post([(0, "08:00", "12:00"), (0, "11:00", "17:00"), (1, "11:00", "17:00")])
    html = errors_text(admin_client.post(hours_settings_url, post))
    assert (
        "Monday already has 8:00 AM \u2013 12:00 PM, which overlaps 11:00 AM \u2013 5:00 PM. "
        "Change the times or delete one of the lines." in html
    )
    assert "Tuesday already has" not in html  # the same times on another day are fine
    assert not WeeklyHours.objects.exists()
    # What was typed is still in the form.
    assert 'value="11:00"' in html


def test_a_deleted_line_does_not_count_as_an_overlap(admin_client, hours_settings_url):
    post = weekly_post([(0, "08:00", "12:00"), (0, "11:00", "17:00")])
    post["weekly_hours-1-DELETE"] = "on"
    assert admin_client.post(hours_settings_url, post).status_code == 302
    assert WeeklyHours.objects.count() == 1


def test_a_closure_saves_and_a_single_day_needs_no_last_day(admin_client):
    add_url = reverse("wagtailsnippets_hours_closure:add")
    response = admin_client.post(
        add_url, closure_post(label="Thanksgiving", start_date="2026-11-26", end_date="")
    )
    assert response.status_code == 302
    closure = Closure.objects.get(label="Thanksgiving")
    assert (closure.start_date, closure.end_date) == (date(2026, 11, 26), date(2026, 11, 26))


def test_a_last_day_before_the_first_day_is_refused(admin_client):
    add_url = reverse("wagtailsnippets_hours_closure:add")
    html = errors_text(admin_client.post(add_url, closure_post(end_date="2026-12-20")))
    assert "The last day is before the first day (Thursday, December 24, 2026)." in html
    assert not Closure.objects.exists()
    assert 'value="Winter break"' in html and "We reopen January 4." in html


def test_dates_that_overlap_another_entry_are_refused(admin_client):
    ClosureFactory(label="Christmas", start_date=date(2026, 12, 25), end_date=date(2026, 12, 26))
    add_url = reverse("wagtailsnippets_hours_closure:add")
    html = errors_text(admin_client.post(add_url, closure_post()))
    assert (
        "These dates overlap 'Christmas' (Friday, December 25, 2026 \u2013 Saturday, "
        "December 26, 2026). Change the dates, or edit that entry instead." in html
    )
    assert Closure.objects.count() == 1


def test_an_entry_can_be_edited_without_clashing_with_itself(admin_client):
    closure = ClosureFactory(label="Winter break", start_date=date(2026, 12, 24))
    edit_url = reverse("wagtailsnippets_hours_closure:edit", args=[closure.pk])
    assert admin_client.post(edit_url, closure_post()).status_code == 302
    closure.refresh_from_db()
    assert closure.end_date == date(2027, 1, 1)


def test_special_hours_need_hours_and_closed_needs_none(admin_client):
    add_url = reverse("wagtailsnippets_hours_closure:add")
    html = errors_text(admin_client.post(add_url, closure_post(closed_all_day="")))
    assert "Add the hours you're open under 'Special hours', or tick 'Closed all day'." in html
    html = errors_text(admin_client.post(add_url, closure_post(special_hours=[("08:00", "12:00")])))
    assert "You ticked 'Closed all day' and also entered special hours." in html
    assert not Closure.objects.exists()


def test_special_hours_that_overlap_or_run_backwards_are_refused(admin_client):
    add_url = reverse("wagtailsnippets_hours_closure:add")
    post = closure_post(closed_all_day="", special_hours=[("08:00", "12:00"), ("10:00", "14:00")])
    html = errors_text(admin_client.post(add_url, post))
    assert "These special hours already include 8:00 AM \u2013 12:00 PM, which overlaps" in html
    post = closure_post(closed_all_day="", special_hours=[("12:00", "12:00")])
    html = errors_text(admin_client.post(add_url, post))
    assert "The closing time must be later than the opening time (12:00 PM)." in html
    assert not Closure.objects.exists()


def test_special_hours_save(admin_client):
    add_url = reverse("wagtailsnippets_hours_closure:add")
    post = closure_post(
        label="Christmas Eve",
        start_date="2026-12-24",
        end_date="",
        closed_all_day="",
        special_hours=[("08:00", "12:00")],
    )
    assert admin_client.post(add_url, post).status_code == 302
    closure = Closure.objects.get()
    assert closure.hours_text == "8:00 AM \u2013 12:00 PM"
    assert closure.as_dated_hours().closed is False


def test_admin_screens_render_with_help_for_staff(admin_client, hours_settings_url):
    html = admin_client.get(hours_settings_url).content.decode()
    assert "A day with no lines shows as Closed." in html
    assert "How many days before a closure the banner appears" in html
    html = admin_client.get(reverse("wagtailsnippets_hours_closure:add")).content.decode()
    assert "Leave empty for a single day." in html
    listing = admin_client.get(reverse("wagtailsnippets_hours_closure:list"))
    assert listing.status_code == 200


def test_the_same_dates_for_different_offices_do_not_clash(admin_client, home_page):
    from tests.locations.factories import LocationIndexPageFactory, LocationPageFactory

    index = LocationIndexPageFactory(parent=home_page)
    downtown = LocationPageFactory(parent=index, title="Downtown")
    oak_park = LocationPageFactory(parent=index, title="Oak Park")
    ClosureFactory(label="Training", start_date=date(2026, 12, 24), offices=[oak_park])
    add_url = reverse("wagtailsnippets_hours_closure:add")
    post = {**closure_post(), "locations": [downtown.pk]}
    assert admin_client.post(add_url, post).status_code == 302
    assert Closure.objects.get(label="Winter break").locations.get() == downtown
    post = {**closure_post(label="Again"), "locations": [oak_park.pk]}
    html = errors_text(admin_client.post(add_url, post))
    assert "These dates overlap 'Training' (Thursday, December 24, 2026) at Oak Park." in html
    # Every office (nothing ticked) clashes with both.
    html = errors_text(admin_client.post(add_url, closure_post(label="Everywhere")))
    assert "These dates overlap" in html
    assert not Closure.objects.filter(label__in=["Again", "Everywhere"]).exists()


def test_the_closures_list_shows_coming_ones_by_date_and_past_ones_under_a_filter(admin_client):
    with time_machine.travel(datetime(2026, 12, 1, 18, 0, tzinfo=UTC), tick=False):
        ClosureFactory(label="Long past", start_date=date(2026, 7, 3))
        ClosureFactory(label="New Year", start_date=date(2027, 1, 1))
        ClosureFactory(label="Christmas", start_date=date(2026, 12, 25))
        list_url = reverse("wagtailsnippets_hours_closure:list")
        html = admin_client.get(list_url).content.decode()
        assert html.index("Christmas") < html.index("New Year")
        assert "Long past" not in html
        html = admin_client.get(list_url, {"when": "past"}).content.decode()
        assert "Long past" in html and "Christmas" not in html
