"""The inbox's "Received" filter compares received_at itself (so PostgreSQL reads the inbox's
index), from the first day's first moment to the last day's last, in the practice's time zone:
the days staff pick are the practice's days, whatever UTC says."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from .factories import AppointmentRequestFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/appointment-requests/"
CHICAGO = ZoneInfo("America/Chicago")


def names_in(client, **params) -> set[str]:
    html = client.get(INDEX, params).content.decode()
    every = {"Zebedee", "Ambrose", "Clementine", "Desmond"}
    return {name for name in every if name in html}


def test_received_takes_whole_days_in_the_practice_time_zone(client, front_desk):
    def received(name, *moment):
        AppointmentRequestFactory(first_name=name, received_at=datetime(*moment, tzinfo=CHICAGO))

    received("Zebedee", 2025, 2, 28, 23, 59)  # 05:59 UTC on March 1
    received("Ambrose", 2025, 3, 1, 0, 1)
    received("Clementine", 2025, 3, 31, 23, 30)  # 04:30 UTC on April 1
    received("Desmond", 2025, 4, 1, 0, 1)

    march = {"received_from": "2025-03-01", "received_to": "2025-03-31"}
    assert names_in(client, **march) == {"Ambrose", "Clementine"}
    assert names_in(client, received_from="2025-03-31") == {"Clementine", "Desmond"}
    assert names_in(client, received_to="2025-03-01") == {"Zebedee", "Ambrose"}
