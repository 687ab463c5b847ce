"""The nightly retention purge deletes handled requests past the period in batches, one
transaction each (short row locks), and keeps everything else."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from appointments.models import AppointmentRequest, RequestNote
from appointments.retention import purge_expired
from appointments.tasks import delete_expired_requests

from .factories import AppointmentRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def requests(settings, home_page):
    settings.APPOINTMENT_RETENTION_DAYS = 30
    settings.APPOINTMENT_RETENTION_BATCH_SIZE = 2
    old = timezone.now() - timedelta(days=31)
    statuses = ["scheduled", "declined", "spam", "withdrawn", "scheduled"]
    expired = [AppointmentRequestFactory(status=s, received_at=old) for s in statuses]
    RequestNote.objects.create(appointment=expired[0], text="Booked.")
    kept = [
        AppointmentRequestFactory(status="contacted", received_at=old),  # still open
        AppointmentRequestFactory(status="new", received_at=old),
        AppointmentRequestFactory(status="scheduled"),  # within the period
    ]
    return expired, kept


def deletes_of_requests(captured) -> int:
    return sum(
        1
        for query in captured
        if query["sql"].startswith("DELETE") and "appointments_appointmentrequest" in query["sql"]
    )


def test_the_nightly_task_deletes_in_batches_of_the_setting(requests):
    _, kept = requests
    with CaptureQueriesContext(connection) as captured:
        assert delete_expired_requests.apply().get() == 5
    assert deletes_of_requests(captured) == 3  # 2 + 2 + 1
    assert set(AppointmentRequest.objects.values_list("pk", flat=True)) == {r.pk for r in kept}
    assert not RequestNote.objects.exists()  # a request's notes go with it


def test_each_batch_is_reported_with_its_transaction_time(requests):
    batches = []
    assert purge_expired(on_batch=lambda deleted, seconds: batches.append((deleted, seconds))) == 5
    assert [deleted for deleted, _ in batches] == [2, 2, 1]
    assert all(0 <= seconds < 60 for _, seconds in batches)
    assert purge_expired(batch_size=10) == 0  # nothing left: a second night deletes nothing
    assert AppointmentRequest.objects.count() == 3
