"""A slow mail server and the real worker: one request is one staff email and one receipt.

The SMTP test server takes each message, then waits before it says so, as a busy real server
does. A worker that stops waiting has still handed the message over, so sending it again would
deliver it twice."""

import pytest
from django.utils import timezone

from appointments.models import AppointmentRequest, Confirmation
from appointments.tasks import queue_undelivered
from tests.harness.worker import settle, wait_until

from .conftest import VALID, submit
from .factories import STAFF_INBOX
from .test_worker_pipeline import staff_emails

pytestmark = pytest.mark.worker

PATIENT = VALID["email"]


def sent_to(smtp_server, address: str) -> int:
    return len([m for m in smtp_server.messages if m["To"] == address])


@pytest.mark.parametrize("slow_for", [STAFF_INBOX, PATIENT], ids=["staff-email", "receipt"])
def test_a_message_answered_after_the_timeout_is_not_sent_again(
    client, appointment_page, start_worker, smtp_server, slow_for
):
    smtp_server.reply_delay, smtp_server.reply_delay_to = 3.0, slow_for
    worker = start_worker(EMAIL_TIMEOUT="1")
    submit(client, appointment_page)
    smtp_server.wait_for(2, timeout=30)
    settle(worker)  # a retry, had the worker sent the message again, included
    assert sent_to(smtp_server, slow_for) == 1
    assert sent_to(smtp_server, STAFF_INBOX) == sent_to(smtp_server, PATIENT) == 1
    appointment = AppointmentRequest.objects.get()
    assert appointment.staff_notified_at is not None
    assert appointment.confirmation == Confirmation.SENT
    assert "taken as sent" in worker.log()


def test_a_worker_stops_talking_to_the_mail_server_before_its_lease_ends(
    client, appointment_page, start_worker, smtp_server
):
    # Each wait may last 15 s, the lease only 6: without a limit of its own, the worker would
    # still be waiting for the server's answer when the sweep gives the request to another.
    smtp_server.reply_delay = 10.0
    short_lease = {"APPOINTMENT_DELIVERY_LEASE_SECONDS": "6", "EMAIL_TIMEOUT": "15"}
    first = start_worker(**short_lease)
    second = start_worker(**short_lease)  # free to take the sweep's task while the other waits
    submit(client, appointment_page, {"email": ""})
    smtp_server.wait_for(1)
    lease_ends = AppointmentRequest.objects.get().delivery_claimed_until
    wait_until(lambda: timezone.now() > lease_ends, what="the end of the lease")
    queue_undelivered.delay()  # what beat does every minute
    settle(first, second)
    assert len(staff_emails(smtp_server)) == 1
    assert AppointmentRequest.objects.get().staff_notified_at is not None
