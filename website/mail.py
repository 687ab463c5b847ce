"""Email backends.

ConsoleAndFolderBackend, for development: each message is printed and kept as an .eml file.
`make run` uses it so that staff notifications can be read without any mail server; the folder
is settings.EMAIL_FOLDER (var/mail/ by default).

SMTPBackend, whenever EMAIL_URL names an SMTP server: Django's, plus what a sender needs to send
each message once (appointments/delivery.py). It tells a failure *after* the message was handed
over (the closing "." sent; the server's answer late or lost) from one before, and it can be
given a deadline past which it does not wait for the server.
"""

import smtplib
from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.mail.backends import smtp
from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.utils import timezone
from django.utils.crypto import get_random_string


class ConsoleAndFolderBackend(ConsoleBackend):
    def send_messages(self, email_messages):
        sent = super().send_messages(email_messages)
        folder = Path(settings.EMAIL_FOLDER)
        folder.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            path = folder / f"{stamp}-{get_random_string(8)}.eml"
            path.write_bytes(message.message().as_bytes(linesep="\r\n"))
        return sent


class MessageMaybeDelivered(smtplib.SMTPServerDisconnected):
    """The connection failed after the whole message, with its closing ".", had gone to the
    server and before the server said whether it took it. A server that is slow to answer has
    usually taken it: sending again would most likely deliver it twice. (Still an
    SMTPServerDisconnected, so code that does not know this class sees what it always saw.)"""


class _ConversationWithin:
    """An SMTP conversation that notes when the message has been handed over, and that waits no
    later than `deadline` (an aware datetime; None: only `timeout` per wait)."""

    def __init__(self, *args, deadline=None, **kwargs):
        self.deadline = deadline
        self.message_handed_over = False
        self._sending_data = False
        if deadline is not None:
            kwargs["timeout"] = self._wait_limit(kwargs.get("timeout"))  # connect and greeting
        super().__init__(*args, **kwargs)

    def sendmail(self, *args, **kwargs):
        self.message_handed_over = False  # one message per mail transaction
        return super().sendmail(*args, **kwargs)

    def data(self, msg):
        self._sending_data = True
        try:
            return super().data(msg)
        finally:
            self._sending_data = False

    def send(self, s):
        self._limit_next_wait()
        super().send(s)
        if self._sending_data and isinstance(s, bytes) and s.endswith(b"\r\n.\r\n"):
            # The end-of-data line is out: from here on the server may have taken the message.
            self.message_handed_over = True

    def getreply(self):
        self._limit_next_wait()
        return super().getreply()

    def _limit_next_wait(self):
        if self.deadline is None or self.sock is None:
            return
        try:
            self.sock.settimeout(self._wait_limit(self.timeout))
        except TimeoutError as exc:
            self.close()  # what smtplib does when a wait times out
            raise smtplib.SMTPServerDisconnected(str(exc)) from None

    def _wait_limit(self, timeout) -> float:
        left = (self.deadline - timezone.now()).total_seconds()
        if left <= 0:
            raise TimeoutError("No time left to talk to the mail server")
        return min(timeout, left) if isinstance(timeout, int | float) else left


class _PlainConversation(_ConversationWithin, smtplib.SMTP):
    pass


class _SSLConversation(_ConversationWithin, smtplib.SMTP_SSL):
    pass


class SMTPBackend(smtp.EmailBackend):
    """Django's SMTP backend, told apart from it in two ways that matter to a sender who must not
    send twice: a failure after the message was handed over raises MessageMaybeDelivered, and
    `get_connection(deadline=…)` makes it stop talking to the server by then."""

    def __init__(self, *args, deadline=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.deadline = deadline

    @property
    def connection_class(self):
        return partial(
            _SSLConversation if self.use_ssl else _PlainConversation, deadline=self.deadline
        )

    def _send(self, email_message):
        try:
            return super()._send(email_message)
        except smtplib.SMTPServerDisconnected as exc:
            if self.connection is not None and self.connection.message_handed_over:
                raise MessageMaybeDelivered(*exc.args) from exc
            raise
