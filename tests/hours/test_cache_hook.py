"""Saving or deleting hours or closures announces one site-wide change, after the commit, for
whatever caches whole pages (website.cache.site_wide_content_changed)."""

from datetime import date, time

import pytest
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from hours.models import Closure, HoursSettings
from website.cache import site_wide_content_changed

from .factories import ClosureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def announcements():
    received = []

    def receiver(sender, reason, **kwargs):
        received.append((sender, reason))

    site_wide_content_changed.connect(receiver)
    yield received
    site_wide_content_changed.disconnect(receiver)


def test_saving_a_closure_announces_once_after_commit(
    home_page, announcements, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as pending:
        closure = ClosureFactory(label="Thanksgiving", start_date=date(2026, 11, 26))
        assert announcements == []  # nothing before the data is committed
    assert len(pending) == 1
    for callback in pending:
        callback()
    assert announcements == [(Closure, "closure or special hours saved")]
    announcements.clear()
    with django_capture_on_commit_callbacks(execute=True):
        closure.delete()
    assert announcements == [(Closure, "closure or special hours deleted")]


def test_saving_hours_in_the_admin_announces_once(
    admin_client, home_page, announcements, django_capture_on_commit_callbacks
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
    assert announcements == [(HoursSettings, "opening hours or banner saved")]
    assert HoursSettings.for_site(site).weekly_intervals()[0][1].opens == time(13)


def test_deleting_closures_from_the_listing_announces(
    admin_client, home_page, announcements, django_capture_on_commit_callbacks
):
    closures = [ClosureFactory(start_date=date(2026, 11, day)) for day in (26, 28)]
    url = (
        reverse("wagtail_bulk_action", args=["hours", "closure", "delete"])
        + "?"
        + "&".join(f"id={c.pk}" for c in closures)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(url).status_code == 302
    assert not Closure.objects.exists()
    assert announcements == [(Closure, "closure or special hours deleted")] * 2
