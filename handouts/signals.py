"""Keeps handout PDFs in step with publishing: a new revision queues a build once the publish
has committed; unpublishing or deleting a handout removes its files."""

import logging

from django.db import transaction
from kombu.exceptions import OperationalError

from . import pdf

logger = logging.getLogger(__name__)


def queue_pdf_build(sender, instance, **kwargs) -> None:
    page_id = instance.pk
    transaction.on_commit(lambda: _send_build(page_id))


def _send_build(page_id: int) -> None:
    from .tasks import build_handout_pdfs

    try:
        build_handout_pdfs.apply_async((page_id,), retry=False)
    except (OperationalError, OSError) as error:
        # Publishing must not fail because the broker is down: the first request for the PDF
        # builds it instead.
        logger.warning("handout PDF build not queued: page %s: %s", page_id, error)


def remove_page_pdfs(sender, instance, **kwargs) -> None:
    page_id = instance.pk
    transaction.on_commit(lambda: pdf.remove_pdfs(page_id))
