"""Saving or deleting hours or closures, however staff do it, invalidates every cached page
(hours are in every footer, the banner on every page): a new content version, written in the
same transaction as the save (website/invalidation.py)."""

from datetime import date, time

import pytest
from django.db import transaction
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from hours.models import Closure, HoursSettings
from website.invalidation import ContentVersion

from .factories import ClosureFactory

pytestmark = pytest.mark.django_db


def version() -> int:
    return ContentVersion.objects.get().token


def test_saving_and_deleting_a_closure_change_the_version_in_their_transaction(home_page):
    before = version()
    with transaction.atomic():
        closure = ClosureFactory(label="Thanksgiving", start_date=date(2026, 11, 26))
        saved = version()
        assert saved != before
    closure.delete()
    assert version() not in (before, saved)


def test_saving_hours_in_the_admin_invalidates(admin_client, home_page):
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
    before = version()
    assert admin_client.post(url, post).status_code == 302
    assert version() != before
    assert HoursSettings.for_site(site).weekly_intervals()[0][1].opens == time(13)


def test_deleting_closures_from_the_listing_invalidates(admin_client, home_page):
    closures = [ClosureFactory(start_date=date(2026, 11, day)) for day in (26, 28)]
    before = version()
    url = (
        reverse("wagtail_bulk_action", args=["hours", "closure", "delete"])
        + "?"
        + "&".join(f"id={c.pk}" for c in closures)
    )
    assert admin_client.post(url).status_code == 302
    assert not Closure.objects.exists()
    assert version() != before
