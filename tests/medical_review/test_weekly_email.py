"""The weekly reminder: scheduled in Celery beat, sent by the real worker to real SMTP."""

import pytest

from medical_review.tasks import SCHEDULE_NAME, send_review_reminders
from tests.harness.worker import beat_schedule, wait_until

from .factories import clinic_pages, editor, reviewed_article

pytestmark = pytest.mark.worker


def test_editors_get_titles_and_admin_links_through_the_worker(
    celery_worker, smtp_server, home_page, django_user_model
):
    editor(django_user_model, "editor@example.com")
    blog, reviewer = clinic_pages(home_page)
    overdue = reviewed_article(
        blog,
        reviewer,
        -5,
        title="Running with Back Pain",
        body=[("paragraph", "<p>Secret clinical wording.</p>")],
    )
    due_soon = reviewed_article(blog, reviewer, 12, title="Sleeping with neck pain")
    reviewed_article(blog, reviewer, 120, title="Reviewed last month")

    send_review_reminders.delay()

    [message] = smtp_server.wait_for(1)
    assert message["To"] == "editor@example.com"
    assert message["Subject"] == "2 pages on the Test Spine Clinic website need a medical review"
    text = message.get_content().replace("\r\n", "\n")
    assert "Overdue:\n- Running with Back Pain\n" in text
    assert f"http://testserver/admin/pages/{overdue.pk}/edit/" in text
    assert "Due within 30 days:\n- Sleeping with neck pain\n" in text
    assert f"/admin/pages/{due_soon.pk}/edit/" in text
    assert "Reviewed last month" not in text
    assert "Secret clinical wording" not in text  # titles and links only
    assert "send_review_reminders" in celery_worker.log()


def test_nothing_due_sends_nothing(celery_worker, smtp_server, home_page, django_user_model):
    editor(django_user_model)
    blog, reviewer = clinic_pages(home_page)
    reviewed_article(blog, reviewer, 120)
    send_review_reminders.delay()
    wait_until(lambda: "succeeded" in celery_worker.log(), "the task to end", worker=celery_worker)
    assert "send_review_reminders" in celery_worker.log()
    assert smtp_server.messages == []


def test_celery_beat_schedules_the_reminder_every_monday(tmp_path):
    """Starts the real `celery beat` and reads the schedule it loaded."""
    schedule = beat_schedule(tmp_path)
    [entry] = [line for line in schedule if SCHEDULE_NAME in line]
    assert "medical_review.tasks.send_review_reminders()" in entry
    assert "<crontab: 0 7 * * mon" in entry
