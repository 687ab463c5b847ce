"""The pipeline's pieces, run in this process against the real SMTP test server: claims, the
emails' content, the sweep's choice, retention. The same code through a real worker and broker
is in test_worker_pipeline.py."""

import logging
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone

from appointments import delivery
from appointments.models import AppointmentRequest, Confirmation, NotificationSettings
from appointments.tasks import delete_expired_requests, deliver_request_emails
from tests.harness.smtp import SilentMailServer
from tests.harness.worker import beat_schedule

from .conftest import submit
from .factories import STAFF_INBOX, AppointmentRequestFactory

pytestmark = pytest.mark.django_db

PATIENT_DETAILS = ["Jane", "Doe", "555-0177", "5550177", "jane.doe@example.com", "Aching"]


def assert_no_patient_details(text: str) -> None:
    for detail in PATIENT_DETAILS:
        assert detail not in text, f"{detail!r} leaked"


def our_log(caplog) -> str:
    """Everything our code and the libraries it runs logged; not the SMTP test server, which
    stands in for the mail provider and logs each recipient as a real one would."""
    return "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("mail.log"))


def test_staff_email_points_to_the_admin_and_carries_no_patient_details(
    client, appointment_page, smtp_server
):
    submit(client, appointment_page)
    appointment = AppointmentRequest.objects.get()
    assert deliver_request_emails.apply(args=[appointment.pk]).get() == "sent"
    messages = smtp_server.wait_for(2)
    [staff] = [m for m in messages if m["To"] == STAFF_INBOX]
    [patient] = [m for m in messages if m["To"] == "jane.doe@example.com"]
    body = staff.get_content()
    assert staff["Subject"] == f"New appointment request #{appointment.pk}"
    assert body.startswith(f"New appointment request #{appointment.pk} received ")
    assert (
        f"— review it: http://testserver/admin/appointment-requests/edit/{appointment.pk}/" in body
    )
    assert staff["Message-ID"].startswith(f"<appointment-request-{appointment.pk}-")
    assert_no_patient_details(staff.as_string())
    # The patient's receipt: what happens next, and nothing they typed.
    assert "within one business day" in patient.get_content()
    assert "call 911" in patient.get_content()
    assert_no_patient_details(patient["Subject"] + patient.get_content())
    appointment.refresh_from_db()
    assert appointment.staff_notified_at is not None
    assert appointment.confirmation == Confirmation.SENT
    assert appointment.delivery_claim == "" and appointment.delivery_claimed_until is None


def test_running_the_task_again_sends_nothing(appointment_page, smtp_server):
    appointment = AppointmentRequestFactory()
    deliver_request_emails.apply(args=[appointment.pk])
    smtp_server.wait_for(1)
    assert deliver_request_emails.apply(args=[appointment.pk]).get() == "nothing to send"
    assert deliver_request_emails.apply(args=[appointment.pk]).get() == "nothing to send"
    assert len(smtp_server.messages) == 1


def test_the_message_id_is_the_same_each_time_for_a_request(appointment_page):
    from appointments import emails

    appointment = AppointmentRequestFactory()
    first = emails.staff_notification(appointment, [STAFF_INBOX]).message()["Message-ID"]
    again = emails.staff_notification(appointment, [STAFF_INBOX]).message()["Message-ID"]
    other = emails.staff_notification(AppointmentRequestFactory(), [STAFF_INBOX]).message()
    assert first == again != other["Message-ID"]


def test_a_claim_keeps_other_tasks_out_until_its_lease_ends(appointment_page, settings):
    settings.APPOINTMENT_DELIVERY_LEASE_SECONDS = 60
    appointment = AppointmentRequestFactory()
    assert delivery.claim(appointment.pk, "task-a") is not None
    assert delivery.claim(appointment.pk, "task-b") is None
    assert delivery.claim(appointment.pk, "task-a") is not None  # its own retry
    with time_machine.travel(timezone.now() + timedelta(seconds=61)):
        taken_over = delivery.claim(appointment.pk, "task-b")
    assert taken_over is not None and taken_over.delivery_attempts == 3


def test_the_sweep_picks_only_requests_no_task_is_working_on(appointment_page):
    now = timezone.now()
    never_queued = AppointmentRequestFactory()
    queued_just_now = AppointmentRequestFactory(queued_at=now)
    queued_long_ago = AppointmentRequestFactory(queued_at=now - timedelta(minutes=10))
    being_sent = AppointmentRequestFactory(
        queued_at=now, delivery_claim="t", delivery_claimed_until=now + timedelta(minutes=1)
    )
    worker_died = AppointmentRequestFactory(
        queued_at=now, delivery_claim="t", delivery_claimed_until=now - timedelta(seconds=1)
    )
    confirmation_owed = AppointmentRequestFactory(
        email="p@example.com", staff_notified_at=now, confirmation=Confirmation.PENDING
    )
    AppointmentRequestFactory(staff_notified_at=now)  # all done
    AppointmentRequestFactory(
        email="p@example.com", staff_notified_at=now, confirmation=Confirmation.SENT
    )
    assert set(delivery.requests_to_queue(now)) == {
        never_queued.pk,
        queued_long_ago.pk,
        worker_died.pk,
        confirmation_owed.pk,
    }
    assert queued_just_now.pk not in delivery.requests_to_queue(now)
    assert being_sent.pk not in delivery.requests_to_queue(now)


def test_without_recipients_superusers_are_told(appointment_page, smtp_server):
    NotificationSettings.objects.update(staff_recipients="")
    get_user_model().objects.create_superuser("boss", "boss@example.com", "pw-long-enough")
    deliver_request_emails.apply(args=[AppointmentRequestFactory().pk])
    [message] = smtp_server.wait_for(1)
    assert message["To"] == "boss@example.com"


def test_with_nobody_to_tell_the_request_stays_waiting_and_it_is_logged(appointment_page, caplog):
    NotificationSettings.objects.update(staff_recipients="")
    appointment = AppointmentRequestFactory()
    deliver_request_emails.apply(args=[appointment.pk])
    appointment.refresh_from_db()
    assert appointment.staff_notified_at is None
    assert appointment.pk in delivery.requests_to_queue()
    assert "Nobody to tell about appointment request" in caplog.text


def test_mail_server_down_leaves_the_request_for_the_sweep_and_logs_no_details(
    client, appointment_page, smtp_server, caplog
):
    submit(client, appointment_page)
    appointment = AppointmentRequest.objects.get()
    smtp_server.stop()
    with caplog.at_level(logging.DEBUG):
        result = deliver_request_emails.apply(args=[appointment.pk])  # retries run at once here
    assert result.failed()
    appointment.refresh_from_db()
    assert appointment.staff_notified_at is None
    assert appointment.delivery_attempts == 1 + deliver_request_emails.max_retries
    assert appointment.pk in delivery.requests_to_queue()  # the lease ended: the sweep takes it
    assert "retrying in" in our_log(caplog)
    assert_no_patient_details(our_log(caplog))
    assert_no_patient_details(repr(result.result))


def test_a_mail_server_silent_before_the_message_is_retried_not_taken_as_sent(
    appointment_page, smtp_server, settings
):
    # Only a failure after the whole message went out counts as "may have been delivered".
    silent = SilentMailServer()
    settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = silent.port, 0.2
    appointment = AppointmentRequestFactory(email="p@example.com")
    try:
        result = deliver_request_emails.apply(args=[appointment.pk])  # retries run at once here
    finally:
        silent.close()
    assert result.failed()
    appointment.refresh_from_db()
    assert appointment.staff_notified_at is None
    assert appointment.confirmation == Confirmation.PENDING
    assert appointment.delivery_attempts == 1 + deliver_request_emails.max_retries
    assert appointment.pk in delivery.requests_to_queue()


def test_nothing_a_patient_types_reaches_a_log_line(client, appointment_page, smtp_server, caplog):
    with caplog.at_level(logging.DEBUG):
        submit(client, appointment_page)
        submit(client, appointment_page, {"phone": "bad"})
        deliver_request_emails.apply(args=[AppointmentRequest.objects.get().pk])
    assert "stored" in our_log(caplog)
    assert_no_patient_details(our_log(caplog))


def test_retention_deletes_handled_requests_past_the_period(appointment_page, settings):
    settings.APPOINTMENT_RETENTION_DAYS = 30
    old = timezone.now() - timedelta(days=31)
    handled_old = [
        AppointmentRequestFactory(status=status, received_at=old)
        for status in ["scheduled", "declined", "spam"]
    ]
    open_old = AppointmentRequestFactory(status="contacted", received_at=old)
    handled_recent = AppointmentRequestFactory(status="scheduled")
    assert delete_expired_requests.apply().get() == 3
    remaining = set(AppointmentRequest.objects.values_list("pk", flat=True))
    assert remaining == {open_old.pk, handled_recent.pk}
    assert not remaining & {a.pk for a in handled_old}


def test_beat_runs_the_sweep_every_minute_and_retention_daily(tmp_path):
    """The real `celery beat` loads both: the sweep that re-queues waiting emails and the nightly
    retention purge (read from beat itself: the schedule is filled when the app is finalized,
    which in this process may have happened before the tasks module was imported)."""
    schedule = beat_schedule(tmp_path)
    [sweep] = [line for line in schedule if "appointments: queue waiting emails" in line]
    assert "appointments.tasks.queue_undelivered()" in sweep
    assert "<freq: 1.00 minute>" in sweep
    [retention] = [line for line in schedule if "appointments: retention" in line]
    assert "appointments.tasks.delete_expired_requests()" in retention
    assert "<crontab: 17 3 * * *" in retention
