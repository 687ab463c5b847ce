"""A search in the inbox is sorted after its matches are found (sorted_after_matching in
appointments/admin_views.py, through expressions no index offers on PostgreSQL): the order is
still the list's, newest first, or the column staff sort by."""

from datetime import timedelta

import pytest
from django.utils import timezone

from .factories import AppointmentRequestFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/appointment-requests/"


@pytest.fixture
def three_kowalskis(home_page):
    now = timezone.now()
    for first_name, days_ago, status in [
        ("Bartholomew", 30, "contacted"),
        ("Anastazja", 1, "scheduled"),
        ("Cyprian", 400, "new"),
    ]:
        AppointmentRequestFactory(
            first_name=first_name,
            last_name="Kowalski",
            received_at=now - timedelta(days=days_ago),
            status=status,
        )
    AppointmentRequestFactory(first_name="Someone", last_name="Else")


def positions(html: str, names: list[str]) -> list[int]:
    return [html.index(name) for name in names]


def test_search_results_come_newest_first(client, front_desk, three_kowalskis):
    html = client.get(INDEX, {"q": "kowalski"}).content.decode()
    assert "Someone Else" not in html
    found = positions(html, ["Anastazja", "Bartholomew", "Cyprian"])
    assert found == sorted(found)


def test_search_results_follow_the_column_staff_sort_by(client, front_desk, three_kowalskis):
    html = client.get(INDEX, {"q": "kowalski", "ordering": "status"}).content.decode()
    found = positions(html, ["Bartholomew", "Cyprian", "Anastazja"])  # contacted, new, scheduled
    assert found == sorted(found)
