"""Site-wide tasks."""

from celery import shared_task
from django.core.mail import send_mail

# Loads the configured Celery app before any task here is sent: website/__init__.py does not
# (it keeps Celery out of web workers), and shared_task binds to the current app.
from .celery import app  # noqa: F401
from .models import PracticeSettings


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_test_email(recipient: str) -> None:
    """Proves the worker and the mail server are wired up (`manage.py send_test_email`)."""
    practice = PracticeSettings.for_default_site()
    send_mail(
        subject=f"Test email from the {practice.name} website",
        message="The website's background worker can send email. Nothing else to do.",
        from_email=None,
        recipient_list=[recipient],
    )


@shared_task(name="website.tasks.purge_frontend_cache", ignore_result=True)
def purge_frontend_cache(page_ids: list[int] | None, urls: list[str]) -> int:
    """Purges the CDN or Varnish after a change (website/frontend_cache.py)."""
    from .frontend_cache import purge

    return purge(page_ids, urls)
