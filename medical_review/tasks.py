"""The weekly reminder: editors get the list of clinical pages due for a medical review."""

import logging

from celery import shared_task
from celery.schedules import crontab
from django.core.mail import send_mail

from website.celery import app
from website.models import PracticeSettings

from .reviews import editor_emails, grouped_by_status, pages_due_for_review

logger = logging.getLogger(__name__)

# Monday morning in the practice's time zone (CELERY_TIMEZONE), before the week's editing starts.
WEEKLY = crontab(minute=0, hour=7, day_of_week="mon")
SCHEDULE_NAME = "medical review reminder (weekly)"


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_review_reminders() -> int:
    """Emails editors the titles and admin links of pages due for review. Returns how many pages.

    Sends nothing when nothing is due. A mail server that is down raises OSError and the task
    is retried with backoff; the list is worked out again on each try, so it is never stale.
    """
    reviews = pages_due_for_review()
    if not reviews:
        return 0
    recipients = editor_emails()
    if not recipients:
        logger.warning(
            "%d page(s) due for medical review, but no editor has an email", len(reviews)
        )
        return len(reviews)
    practice = PracticeSettings.for_default_site()
    count = len(reviews)
    pages = "1 page" if count == 1 else f"{count} pages"
    verb = "needs" if count == 1 else "need"
    subject = f"{pages} on the {practice.name} website {verb} a medical review"
    send_mail(
        subject=subject, message=reminder_text(reviews), from_email=None, recipient_list=recipients
    )
    logger.info("medical review reminder sent: %d page(s), %d editor(s)", count, len(recipients))
    return count


def reminder_text(reviews) -> str:
    """Titles and admin links only: no page content goes into email."""
    lines = [
        "These published pages need a physician to check them. Open each one, have it reviewed,",
        "then update the dates in its Medical review tab.",
    ]
    for heading, group in grouped_by_status(reviews):
        lines += ["", f"{heading}:"]
        for review in group:
            lines += [f"- {review.title}", f"  {review.admin_url}"]
    return "\n".join(lines) + "\n"


@app.on_after_finalize.connect
def schedule_weekly_reminder(sender, **kwargs):
    sender.add_periodic_task(WEEKLY, send_review_reminders.s(), name=SCHEDULE_NAME)
