"""Saving or deleting hours or closures, however staff do it, invalidates every cached page
(hours are in every footer, the banner on every page) — once the save has committed."""

from datetime import date, time

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from hours.models import Closure, HoursSettings
from website.page_cache import GENERATION_KEY

from .factories import ClosureFactory

pytestmark = pytest.mark.django_db


def generation():
    return cache.get(GENERATION_KEY)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    cache.set(GENERATION_KEY, 1)


def test_saving_a_closure_invalidates_only_after_commit(
    home_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as pending:
        closure = ClosureFactory(label="Thanksgiving", start_date=date(2026, 11, 26))
        assert generation() == 1  # nothing before the data is committed
    for callback in pending:
        callback()
    assert generation() > 1
    before = generation()
    with django_capture_on_commit_callbacks(execute=True):
        closure.delete()
    assert generation() > before


def test_saving_hours_in_the_admin_invalidates(
    admin_client, home_page, django_capture_on_commit_callbacks
):
    site = Site.objects.get(is_default_site=True)
    HoursSettings.for_site(site)
    url = reverse("wagtailsettings:edit", args=["hours", "hourssettings", site.pk])
    post = nested_form_data(
        {
            "banner_enabled": "on",
            "banner_message": "Closed soon.",
            "banner_days_ahead": "7",
            "weekly_hours": inline_formset(
                [{"weekday": "0", "opens": "08:00", "closes": "12:00"},
                 {"weekday": "0", "opens": "13:00", "closes": "17:00"}]
            ),
        }
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(url, post).status_code == 302
    assert generation() > 1
    assert HoursSettings.for_site(site).weekly_intervals()[0][1].opens == time(13)


def test_deleting_closures_from_the_listing_invalidates(
    admin_client, home_page, django_capture_on_commit_callbacks
):
    closures = [ClosureFactory(start_date=date(2026, 11, day)) for day in (26, 28)]
    cache.set(GENERATION_KEY, 1)
    url = (
        reverse("wagtail_bulk_action", args=["hours", "closure", "delete"])
        + "?"
        + "&".join(f"id={c.pk}" for c in closures)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(url).status_code == 302
    assert not Closure.objects.exists()
    assert generation() > 1
