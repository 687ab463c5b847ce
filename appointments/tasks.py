"""The request pipeline's Celery tasks. Arguments are request ids only: a task message, a log
line or an error report never holds what a patient typed.

Periodic (Celery beat): every minute the sweep queues requests whose emails are still waiting;
once a day handled requests past the retention period are deleted.
"""

import logging
import random
import uuid
from datetime import timedelta

from celery import shared_task
from celery.schedules import crontab
from celery.utils.time import get_exponential_backoff_interval
from django.db import DatabaseError
from django.utils import timezone

from website.celery import app

from . import delivery, retention

logger = logging.getLogger(__name__)

# Mail servers and connections fail in these ways (smtplib's errors are OSErrors too).
RETRYABLE = (OSError, DatabaseError)
MAX_RETRIES = 6  # about a minute of backoff (1 + 2 + 4 + … + 32 s); then the sweep takes over
BACKOFF_MAX_SECONDS = 300


class DeliveryDelayed(Exception):
    """What a retry reports: the kind of failure only (an SMTP error may quote addresses)."""


@app.on_after_finalize.connect
def schedule_periodic_tasks(sender, **kwargs):
    sender.add_periodic_task(60.0, queue_undelivered.s(), name="appointments: queue waiting emails")
    sender.add_periodic_task(
        crontab(hour=3, minute=17), delete_expired_requests.s(), name="appointments: retention"
    )


def queue_delivery(pk: int) -> bool:
    """Queues a stored request's emails; runs after the commit. It never raises: with the broker
    down the request simply waits in the database for the sweep."""
    try:
        # One attempt, no reconnecting loop: a patient must not wait on a broker that is down.
        with app.connection_for_write(transport_options={"max_retries": 0}) as connection:
            deliver_request_emails.apply_async(args=[pk], connection=connection, retry=False)
    except Exception as exc:  # any failure to reach the broker; the request is safe in the DB
        logger.warning(
            "Could not queue the emails of appointment request #%s (%s); the sweep will queue it",
            pk,
            type(exc).__name__,
        )
        return False
    try:
        delivery.mark_queued([pk])
    except DatabaseError:
        logger.warning("Could not mark appointment request #%s as queued", pk)
    return True


@shared_task(bind=True, max_retries=MAX_RETRIES)
def deliver_request_emails(self, request_id: int) -> str:
    """Claims the request, sends whatever has not gone out, records it. Safe to run twice."""
    claimant = self.request.id or f"direct-{uuid.uuid4()}"
    appointment = None
    try:
        appointment = delivery.claim(request_id, claimant)
        if appointment is None:
            return "nothing to send"
        delivery.send_pending_emails(appointment)
    except RETRYABLE as exc:
        failure = type(exc).__name__
        if appointment is None:
            raise self.retry(exc=DeliveryDelayed(failure), countdown=_backoff(self)) from None
        if self.request.retries >= self.max_retries:
            delivery.give_up_for_now(appointment)
            logger.warning(
                "Appointment request #%s: emails still not sent (%s)", request_id, failure
            )
            raise DeliveryDelayed(failure) from None
        countdown = _backoff(self)
        retry_at = timezone.now() + timedelta(seconds=countdown) + delivery.lease()
        delivery.release(appointment, retry_at=retry_at)
        logger.warning(
            "Appointment request #%s: emails not sent yet (%s), retrying in %ss",
            request_id, failure, countdown,
        )  # fmt: skip
        raise self.retry(exc=DeliveryDelayed(failure), countdown=countdown) from None
    delivery.release(appointment)
    return "sent"


def _backoff(task) -> int:
    return get_exponential_backoff_interval(
        factor=1, retries=task.request.retries, maximum=BACKOFF_MAX_SECONDS
    ) + random.randint(0, 1)  # noqa: S311 (jitter, not security)


@shared_task
def queue_undelivered() -> int:
    """The sweep: queues every request whose emails wait and that no task is working on."""
    pks = delivery.requests_to_queue()
    queued = [pk for pk in pks if _publish(pk)]
    delivery.mark_queued(queued)
    if pks:
        logger.info("Sweep queued the emails of %s waiting appointment request(s)", len(queued))
    return len(queued)


def _publish(pk: int) -> bool:
    try:
        deliver_request_emails.apply_async(args=[pk], retry=False)
    except Exception as exc:
        logger.warning("Sweep could not queue appointment request #%s (%s)", pk, type(exc).__name__)
        return False
    return True


@shared_task
def delete_expired_requests() -> int:
    """Deletes handled requests received longer ago than APPOINTMENT_RETENTION_DAYS, in batches
    (appointments/retention.py)."""
    deleted = retention.purge_expired()
    if deleted:
        logger.info("Retention: deleted %s handled appointment request(s)", deleted)
    return deleted
