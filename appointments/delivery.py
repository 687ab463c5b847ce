"""Sending a request's emails: retried until the mail server has each one, and, in practice,
exactly once.

A worker first *claims* the request in a short transaction (a row lock, `select_for_update`, plus
a lease: `delivery_claim` names the task, `delivery_claimed_until` says until when). It then
sends outside any transaction, so a slow mail server never holds a database lock that the form
would wait on, and records each email as it goes. Another task for the same request (a duplicate,
a redelivery, the sweep) finds it claimed or already sent and does nothing. If the worker dies,
the lease runs out and the sweep queues the request again.

The claim *waits* for a row lock instead of skipping the row. Whoever else holds it is
brief: the form marking the request queued just after it published this very task, staff saving
the status, another worker's claim. With `skip_locked` a task that met such a lock could not tell
it from "nothing to send", was acknowledged, and the emails waited for the sweep (five minutes;
for ever without beat). Blocking is cheap here because every transaction that touches a request
is short; on PostgreSQL the wait is still capped (`CLAIM_LOCK_TIMEOUT`), and a lock held longer
raises an OperationalError that the task retries within seconds like any database error. SQLite
has no row locks: the claim's `BEGIN IMMEDIATE` waits for the other writer (the connection's
`timeout`), which comes to the same thing. A lease held by a live task is not a lock, so a
duplicate task still returns at once.

Which failures are sent again. Before the server has the whole message (connection refused, a
timeout before or during DATA), nothing can have been delivered: the task retries, at least
once. Once the closing "." has gone out, a timeout or a dropped connection leaves it unknown
whether the server took it, and a slow server usually has (it answers late; the client gave up
at EMAIL_TIMEOUT). Such an email is recorded as sent and *not* sent again: at most once from
there. The staff email too: were one lost this way, the request still waits in the admin's inbox
and in the dashboard's count of new requests, whereas resending to a server that is always slow
would send staff a copy a minute and hold back the patient's receipt.
The idempotency record is also the lease: a worker stops waiting for the mail server a quarter
of the lease before it ends (the backend's `deadline`), so it has recorded what it sent before
the sweep may give the request to another worker, however long EMAIL_TIMEOUT is. Each email's
Message-ID is fixed by the request, so the one duplicate left (a worker killed between a send
and its record) is shown once by most mail clients.
"""

import logging
from datetime import timedelta
from smtplib import SMTPRecipientsRefused

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from website.mail import MessageMaybeDelivered

from . import emails
from .models.requests import AppointmentRequest, Confirmation, NotificationSettings

logger = logging.getLogger(__name__)

# A task queued but not started within this long is taken to be lost (e.g. a worker killed while
# holding it on a broker that does not redeliver); the sweep queues its request again.
REQUEUE_AFTER = timedelta(minutes=5)
# Longest a claim waits on PostgreSQL for another transaction's lock on the row; then the task
# retries. Every transaction that locks a request lasts milliseconds, so this is generous.
CLAIM_LOCK_TIMEOUT = "2s"


def lease() -> timedelta:
    return timedelta(seconds=settings.APPOINTMENT_DELIVERY_LEASE_SECONDS)


def claim(pk: int, claimant: str) -> AppointmentRequest | None:
    """The request, now held by `claimant`; None if it needs nothing or another task's lease
    holds it. Waits for a row lock someone else holds (see above): raises DatabaseError if it is
    held too long, for the task to retry. Runs in a transaction of its own."""
    now = timezone.now()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # for this transaction only
                cursor.execute(f"SET LOCAL lock_timeout = '{CLAIM_LOCK_TIMEOUT}'")
        appointment = (
            AppointmentRequest.objects.select_for_update()
            .filter(pk=pk)
            .filter(
                Q(delivery_claimed_until__isnull=True)
                | Q(delivery_claimed_until__lt=now)
                | Q(delivery_claim=claimant)  # a retry of the task that holds it
            )
            .first()
        )
        if appointment is None or not appointment.needs_delivery:
            return None
        appointment.delivery_claim = claimant
        appointment.delivery_claimed_until = timezone.now() + lease()  # after any wait
        appointment.delivery_attempts += 1
        appointment.save(
            update_fields=["delivery_claim", "delivery_claimed_until", "delivery_attempts"]
        )
    return appointment


def send_pending_emails(appointment: AppointmentRequest) -> None:
    """Sends what has not gone out yet, recording each email as soon as it is sent (or, after a
    failure once the server had all of it, may have been: see above)."""
    mailer = get_connection(deadline=_stop_sending_at(appointment))
    if appointment.staff_notified_at is None:
        recipients = staff_recipients(appointment)
        if recipients:
            message = emails.staff_notification(appointment, recipients)
            _send(message, mailer, appointment, "staff email")
            _record(appointment, staff_notified_at=timezone.now())
            logger.info("Staff notified of appointment request #%s", appointment.pk)
        else:
            # Left unsent, so the sweep tries again each minute and this is logged until fixed.
            logger.error(
                "Nobody to tell about appointment request #%s: set an address in Settings → "
                "Appointment notifications (or give a superuser an email address)",
                appointment.pk,
            )
    if appointment.confirmation == Confirmation.PENDING:
        try:
            _send(emails.patient_confirmation(appointment), mailer, appointment, "receipt")
        except SMTPRecipientsRefused:
            # The patient's address will not take mail: asking again would not change that.
            _record(appointment, confirmation=Confirmation.REFUSED)
            logger.warning("Confirmation for appointment request #%s refused", appointment.pk)
        else:
            _record(appointment, confirmation=Confirmation.SENT)


def _stop_sending_at(appointment: AppointmentRequest):
    """When this worker stops waiting for the mail server: with a quarter of its lease left, so
    that it has recorded what it sent before another task may take the request over."""
    if appointment.delivery_claimed_until is None:
        return None
    return appointment.delivery_claimed_until - lease() / 4


def _send(message, mailer, appointment: AppointmentRequest, what: str) -> None:
    message.connection = mailer
    try:
        message.send()
    except MessageMaybeDelivered:
        logger.warning(
            "Appointment request #%s: the mail server had the whole %s but did not confirm it "
            "in time; taken as sent, not sent again",
            appointment.pk,
            what,
        )


def release(appointment: AppointmentRequest, *, retry_at=None) -> None:
    """Lets go of the claim: for good (retry_at=None), or holds it until a retry is due."""
    if retry_at is None:
        changes = {"delivery_claim": "", "delivery_claimed_until": None}
    else:
        changes = {"delivery_claimed_until": retry_at}
    _holding(appointment).update(**changes)


def give_up_for_now(appointment: AppointmentRequest) -> None:
    """Retries are used up: the lease ends now, so the next sweep starts again."""
    _holding(appointment).update(delivery_claimed_until=timezone.now())


def staff_recipients(appointment: AppointmentRequest | None = None) -> list[str]:
    """The office's own recipients when the patient chose an office that has some; else the
    practice-wide list; else the superusers."""
    office = appointment.preferred_location if appointment is not None else None
    if office is not None and (recipients := office.appointment_recipient_list()):
        return recipients
    recipients = NotificationSettings.load().recipient_list()
    if recipients:
        return recipients
    superusers = get_user_model().objects.filter(is_superuser=True, is_active=True)
    return [email for email in superusers.values_list("email", flat=True) if email]


def requests_to_queue(now=None, limit: int = 500) -> list[int]:
    """Requests with an email still to send and no task working on them: never queued (the
    broker was down), a lease that ran out (the worker died), or queued long ago and never
    started (the task was lost)."""
    now = now or timezone.now()
    waiting = AppointmentRequest.objects.filter(
        Q(staff_notified_at__isnull=True) | Q(confirmation=Confirmation.PENDING)
    )
    unclaimed = Q(delivery_claimed_until__isnull=True)
    lost = (
        Q(delivery_claimed_until__lt=now)
        | Q(unclaimed & Q(queued_at__isnull=True))
        | Q(unclaimed & Q(queued_at__lt=now - REQUEUE_AFTER))
    )
    return list(waiting.filter(lost).order_by("pk").values_list("pk", flat=True)[:limit])


def mark_queued(pks: list[int]) -> None:
    AppointmentRequest.objects.filter(pk__in=pks).update(queued_at=timezone.now())


def _holding(appointment: AppointmentRequest):
    return AppointmentRequest.objects.filter(
        pk=appointment.pk, delivery_claim=appointment.delivery_claim
    )


def _record(appointment: AppointmentRequest, **changes) -> None:
    # Only these columns: staff may be changing the status or notes at the same moment.
    AppointmentRequest.objects.filter(pk=appointment.pk).update(**changes)
    for field, value in changes.items():
        setattr(appointment, field, value)
