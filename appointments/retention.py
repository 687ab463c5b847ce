"""The retention period: handled requests received longer ago than APPOINTMENT_RETENTION_DAYS
are deleted, APPOINTMENT_RETENTION_BATCH_SIZE to a transaction. A purge of five years' backlog
(50,000 requests) then never holds the locks of more than one batch of rows, for well under a
second each (`make bench-volume` measures it), so the front desk's saves and the form's inserts
never wait on it for long."""

import time
from collections.abc import Callable

from django.conf import settings
from django.db import transaction

from .models.requests import CLOSED_STATUSES, AppointmentRequest, retention_cutoff


def expired_requests():
    return AppointmentRequest.objects.filter(
        status__in=CLOSED_STATUSES, received_at__lt=retention_cutoff()
    )


def purge_expired(
    batch_size: int | None = None, on_batch: Callable[[int, float], None] | None = None
) -> int:
    """Deletes every expired request, oldest first, a batch per transaction; returns how many.
    `on_batch(deleted, seconds)` is told of each batch (seconds: how long its transaction,
    and so its locks, lasted)."""
    batch_size = batch_size or settings.APPOINTMENT_RETENTION_BATCH_SIZE
    label = AppointmentRequest._meta.label
    total = 0
    while True:
        expired = expired_requests()
        batch = list(
            expired.order_by("received_at", "pk").values_list("pk", flat=True)[:batch_size]
        )
        if not batch:
            return total
        started = time.monotonic()
        with transaction.atomic():
            # Asked again: a request the desk reopened since it was chosen is kept. Django reads
            # the rows it deletes (signals are connected for every model): their ids will do.
            _, by_model = expired.filter(pk__in=batch).only("pk").delete()
        deleted = by_model.get(label, 0)
        if on_batch is not None:
            on_batch(deleted, time.monotonic() - started)
        total += deleted
        if not deleted:
            return total  # the desk reopened the whole batch meanwhile: try again tomorrow
