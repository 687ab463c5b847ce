"""Background work for handouts: their PDFs, built when a handout is published."""

from celery import shared_task

# Loads the configured Celery app before any task here is sent: website/__init__.py does not
# (it keeps Celery out of web workers), and shared_task binds to the current app.
from website.celery import app  # noqa: F401

from . import pdf


@shared_task(autoretry_for=(pdf.PdfUnavailable, OSError), retry_backoff=True, max_retries=5)
def build_handout_pdfs(page_id: int) -> None:
    """Builds the standard and large-print PDFs of the handout's live revision and removes
    the files of earlier revisions. A handout unpublished or deleted meanwhile is skipped."""
    from .models import HandoutPage

    page = HandoutPage.objects.live().filter(pk=page_id).first()
    if page is None:
        pdf.remove_pdfs(page_id)
        return
    pdf.build_all(page)
