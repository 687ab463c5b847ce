"""website.mail.SMTPBackend against real servers on 127.0.0.1: whether what it raises says the
server may already have the message, and that a deadline ends its waiting."""

import time
from datetime import timedelta

import pytest
from django.core.mail import EmailMessage, get_connection
from django.utils import timezone

from tests.harness.smtp import SilentMailServer
from website.mail import MessageMaybeDelivered


def message() -> EmailMessage:
    return EmailMessage("Hello", "A test.", "site@example.com", ["someone@example.com"])


def test_no_answer_after_the_whole_message_means_it_may_have_been_delivered(smtp_server):
    smtp_server.reply_delay = 2.0
    with pytest.raises(MessageMaybeDelivered):
        get_connection(timeout=0.5).send_messages([message()])
    assert len(smtp_server.wait_for(1)) == 1  # it had


def test_no_answer_before_the_message_went_out_is_an_ordinary_failure(smtp_server):
    silent = SilentMailServer()  # never greets: nothing is sent
    try:
        with pytest.raises(OSError) as failure:
            get_connection(port=silent.port, timeout=0.5).send_messages([message()])
    finally:
        silent.close()
    assert not isinstance(failure.value, MessageMaybeDelivered)


def test_a_deadline_ends_a_wait_the_timeout_would_allow(smtp_server):
    smtp_server.reply_delay = 5.0
    started = time.monotonic()
    deadline = timezone.now() + timedelta(seconds=1)
    with pytest.raises(MessageMaybeDelivered):
        get_connection(timeout=30, deadline=deadline).send_messages([message()])
    assert time.monotonic() - started < 2.5


def test_past_its_deadline_it_sends_nothing(smtp_server):
    deadline = timezone.now() - timedelta(seconds=1)
    with pytest.raises(OSError) as failure:
        get_connection(deadline=deadline).send_messages([message()])
    assert not isinstance(failure.value, MessageMaybeDelivered)
    time.sleep(0.3)
    assert smtp_server.messages == []


def test_with_time_to_spare_it_simply_sends(smtp_server):
    deadline = timezone.now() + timedelta(seconds=10)
    assert get_connection(deadline=deadline).send_messages([message()]) == 1
    [received] = smtp_server.wait_for(1)
    assert received["Subject"] == "Hello"
