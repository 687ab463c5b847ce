"""`manage.py load_volume` (website/volume/): refuses unless told the database's name, and at a
small scale writes consistent, seeded data on top of the demo site."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from appointments.models import AppointmentRequest, RequestNote
from appointments.retention import expired_requests
from blog.models import ArticlePage
from handouts.models import HandoutPage
from locations.models import LocationPage
from physicians.models import PhysicianPage
from website.volume import Targets, pages

SCALE = 0.001  # 100 requests; three of each kind of page


def load_volume(*args):
    call_command("load_volume", *args, stdout=StringIO())


def database_name() -> str:
    return str(connection.settings_dict["NAME"])


@pytest.mark.django_db
@pytest.mark.parametrize("args", [[], ["--into-database", "practice"], ["--into-database", ""]])
def test_refuses_without_the_database_name(args):
    with pytest.raises(CommandError, match="--into-database"):
        load_volume("--scale", str(SCALE), *args)
    assert not AppointmentRequest.objects.exists()
    assert not ArticlePage.objects.exists()


def test_small_scale_is_consistent_and_seeded(demo):
    load_volume("--into-database", database_name(), "--scale", str(SCALE))
    targets = Targets.scaled(SCALE)
    assert pages.english(LocationPage).count() == targets.offices == 3
    assert pages.english(PhysicianPage).count() == targets.physicians
    assert pages.english(ArticlePage).count() == targets.articles
    assert pages.english(HandoutPage).count() == targets.handouts
    assert AppointmentRequest.objects.count() == targets.requests == 100
    # The page tree is what treebeard itself would write (what `manage.py fixtree` checks).
    assert all(not problems for problems in Page.find_problems())
    blog = ArticlePage.objects.live().first().get_parent()
    assert blog.numchild == blog.get_children().count()

    requests = AppointmentRequest.objects.all()
    assert expired_requests().count() == 50  # the nightly purge's half
    oldest = timezone.now() - timedelta(days=5 * 365 + 1)
    assert not requests.filter(received_at__lt=oldest).exists()
    assert requests.filter(received_at__gt=timezone.now() - timedelta(days=30)).exists()
    assert len(set(requests.values_list("status", flat=True))) >= 4
    assert {"en", "es"} <= set(requests.values_list("language", flat=True))
    assert requests.filter(preferred_location__isnull=True).exists()
    assert requests.filter(preferred_location__isnull=False).exists()
    assert all(
        p.startswith("+1") and p[5:9] == "5550" for p in requests.values_list("phone", flat=True)
    )
    assert RequestNote.objects.filter(appointment__in=requests).exists()
    # Ids grow with arrival, as on a real site.
    by_id = list(requests.order_by("pk").values_list("received_at", flat=True))
    assert by_id == sorted(by_id)

    # A second run adds nothing; after the requests are gone, the same seed writes them again.
    fingerprint = sorted(requests.values_list("reference", "first_name", "phone", "status"))
    load_volume("--into-database", database_name(), "--scale", str(SCALE))
    assert AppointmentRequest.objects.count() == 100
    assert pages.english(ArticlePage).count() == targets.articles
    AppointmentRequest.objects.all().delete()
    load_volume("--into-database", database_name(), "--scale", str(SCALE))
    again = AppointmentRequest.objects.values_list("reference", "first_name", "phone", "status")
    assert sorted(again) == fingerprint
