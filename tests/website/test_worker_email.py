"""The smoke test of the whole background pipeline: task → broker → real worker → real SMTP."""

import pytest
from django.core.management import call_command

from website.tasks import send_test_email

from .factories import build_site

pytestmark = pytest.mark.worker


def test_task_goes_through_the_worker_and_its_email_arrives(celery_worker, smtp_server):
    build_site(name="Worker Test Clinic")
    send_test_email.delay("frontdesk@example.com")
    [message] = smtp_server.wait_for(1)
    assert message["To"] == "frontdesk@example.com"
    assert message["Subject"] == "Test email from the Worker Test Clinic website"
    assert "can send email" in message.get_content()
    assert "send_test_email" in celery_worker.log()


def test_management_command_queues_for_the_worker(celery_worker, smtp_server, capsys):
    build_site()
    call_command("send_test_email", "ops@example.com")
    [message] = smtp_server.wait_for(1)
    assert message["To"] == "ops@example.com"
