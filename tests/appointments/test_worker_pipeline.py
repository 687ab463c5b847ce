"""The whole pipeline with real parts: the form (test client, real commits), the configured broker,
a real `celery worker` process and the real SMTP test server. Each failure the issue names is
made real: a broker nobody listens on, a mail server that is stopped, a worker SIGKILLed while
it talks to a mail server that never answers."""

import threading
import time
from contextlib import contextmanager

import pytest
from django.db import connections, transaction
from django.utils import timezone

from appointments.models import AppointmentRequest
from appointments.tasks import deliver_request_emails, queue_undelivered
from tests.harness.services import free_port
from tests.harness.smtp import SilentMailServer
from tests.harness.worker import settle, wait_until
from website.celery import app

from .conftest import submit
from .factories import STAFF_INBOX, AppointmentRequestFactory
from .test_delivery import assert_no_patient_details

pytestmark = pytest.mark.worker


def staff_emails(smtp_server):
    return [m for m in smtp_server.messages if m["To"] == STAFF_INBOX]


def test_one_submission_one_staff_email_without_patient_details(
    client, appointment_page, celery_worker, smtp_server
):
    response = submit(client, appointment_page)
    assert response.status_code == 303
    messages = smtp_server.wait_for(2)  # staff and the patient's receipt
    settle(celery_worker)
    [staff] = staff_emails(smtp_server)
    assert len(smtp_server.messages) == 2
    appointment = AppointmentRequest.objects.get()
    assert staff["Subject"] == f"New appointment request #{appointment.pk}"
    assert_no_patient_details(staff.as_string())
    [receipt] = [m for m in messages if m["To"] == "jane.doe@example.com"]
    assert_no_patient_details(receipt.get_content())
    appointment.refresh_from_db()
    assert appointment.staff_notified_at is not None
    assert "deliver_request_emails" in celery_worker.log()
    assert_no_patient_details(celery_worker.log())


def test_broker_down_at_submit_then_the_sweep_delivers_exactly_one(
    client, appointment_page, celery_worker, smtp_server, monkeypatch
):
    # Nothing listens on this port: publishing fails as it does when Redis is down.
    monkeypatch.setattr(app.conf, "broker_write_url", f"redis://127.0.0.1:{free_port()}/0")
    response = submit(client, appointment_page, {"email": ""})
    assert response.status_code == 303
    assert client.get(response["Location"]).status_code == 200
    appointment = AppointmentRequest.objects.get()
    assert appointment.queued_at is None and appointment.staff_notified_at is None

    monkeypatch.undo()  # the broker is back
    queue_undelivered.delay()  # what beat does every minute
    smtp_server.wait_for(1)
    queue_undelivered.delay()  # a later sweep finds nothing to do
    settle(celery_worker)
    assert len(staff_emails(smtp_server)) == 1
    assert len(smtp_server.messages) == 1


def test_mail_server_down_then_up_retries_then_sends_exactly_one(
    client, appointment_page, celery_worker, smtp_server
):
    smtp_server.stop()
    submit(client, appointment_page, {"email": ""})
    wait_until(lambda: "retrying in" in celery_worker.log(), what="a retry")
    smtp_server.start()
    smtp_server.wait_for(1)
    settle(celery_worker)
    assert len(smtp_server.messages) == 1
    assert AppointmentRequest.objects.get().delivery_attempts >= 2
    assert_no_patient_details(celery_worker.log())


def test_worker_killed_mid_task_the_email_still_goes_out_once(
    client, appointment_page, start_worker, smtp_server
):
    silent = SilentMailServer()
    lease = {"APPOINTMENT_DELIVERY_LEASE_SECONDS": "3"}
    try:
        doomed = start_worker(EMAIL_URL=f"smtp://127.0.0.1:{silent.port}", **lease)
        submit(client, appointment_page, {"email": ""})
        assert silent.connected.wait(30), "the worker never started sending"
        doomed.kill()
    finally:
        silent.close()
    appointment = AppointmentRequest.objects.get()
    assert appointment.staff_notified_at is None and appointment.delivery_claim

    rescuer = start_worker(**lease)
    wait_until(lambda: timezone.now() > appointment.delivery_claimed_until, what="the lease")
    queue_undelivered.delay()
    smtp_server.wait_for(1)
    settle(rescuer)
    assert len(smtp_server.messages) == 1
    appointment.refresh_from_db()
    assert appointment.staff_notified_at is not None
    assert appointment.delivery_attempts == 2


def test_duplicate_and_redelivered_tasks_send_nothing_more(
    client, appointment_page, celery_worker, smtp_server
):
    submit(client, appointment_page, {"email": ""})
    pk = AppointmentRequest.objects.get().pk
    for _ in range(3):
        deliver_request_emails.delay(pk)
    smtp_server.wait_for(1)
    settle(celery_worker)
    assert len(smtp_server.messages) == 1


@contextmanager
def row_held_by_another_transaction(pk: int):
    """Another connection updates the request's row and keeps its transaction open, as the form
    does for an instant when it marks the request queued right after publishing the task. On
    PostgreSQL the row stays locked until the block ends; on SQLite (BEGIN IMMEDIATE) the whole
    database is, for writers."""
    locked, done = threading.Event(), threading.Event()

    def hold():
        try:
            with transaction.atomic():
                AppointmentRequest.objects.filter(pk=pk).update(queued_at=timezone.now())
                locked.set()
                done.wait(30)
        finally:
            connections.close_all()  # this thread's own connection, so teardown can empty tables

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert locked.wait(10), "could not lock the row"
        yield
    finally:
        done.set()
        holder.join(10)


@pytest.mark.parametrize(
    "held_for",
    [
        pytest.param(1.0, id="briefly"),
        # Longer than the claim waits on PostgreSQL (CLAIM_LOCK_TIMEOUT): the task retries.
        pytest.param(3.5, id="longer-than-the-claim-waits"),
    ],
)
def test_a_task_that_finds_the_row_locked_sends_within_seconds_without_the_sweep(
    appointment_page, celery_worker, smtp_server, held_for
):
    # On SQLite this cannot go wrong the way it did on PostgreSQL (there skip_locked passed the
    # locked row by and the task ended as "nothing to send"): SQLite has no row locks, and the
    # claim's BEGIN IMMEDIATE waits for the other writer. The outcome asked for is the same.
    appointment = AppointmentRequestFactory()
    with row_held_by_another_transaction(appointment.pk):
        task = deliver_request_emails.delay(appointment.pk)
        wait_until(lambda: f"[{task.id}] received" in celery_worker.log(), what="the task")
        time.sleep(held_for)  # the worker meets the lock
    smtp_server.wait_for(1, timeout=5)  # no sweep runs in this test
    settle(celery_worker)
    assert len(staff_emails(smtp_server)) == 1
    appointment.refresh_from_db()
    assert appointment.staff_notified_at is not None
