"""A real SMTP server on 127.0.0.1 (aiosmtpd) whose received messages tests read back."""

import asyncio
import email
import email.policy
import socket
import threading
import time
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

from .services import free_port


class _Collector:
    def __init__(self, server: "SmtpTestServer"):
        self.server = server

    async def handle_DATA(self, smtp, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.server.lock:
            self.server.messages.append(message)
        slow_for = self.server.reply_delay_to
        if self.server.reply_delay and (slow_for is None or slow_for in envelope.rcpt_tos):
            # Taken, then slow to say so (a busy queue, a content scan): a client that stops
            # waiting has still sent the message. Real servers keep it; so does this one.
            await asyncio.sleep(self.server.reply_delay)
        return "250 Message accepted for delivery"


class SmtpTestServer:
    def __init__(self):
        self.port = free_port()
        self.messages: list[EmailMessage] = []
        self.lock = threading.Lock()
        self.reply_delay = 0.0  # seconds before answering the end of a message…
        self.reply_delay_to: str | None = None  # …sent to this address (None: to anyone)
        self._controller: Controller | None = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def start(self) -> None:
        if self._controller is None:
            self._controller = Controller(_Collector(self), hostname="127.0.0.1", port=self.port)
            self._controller.start()

    def stop(self) -> None:
        """Stops listening: senders get 'connection refused', as when a mail server is down."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def clear(self) -> None:
        with self.lock:
            self.messages.clear()

    def wait_for(self, count: int, timeout: float = 30.0) -> list[EmailMessage]:
        """Waits until at least `count` messages have arrived; returns all of them."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.messages) >= count:
                    return list(self.messages)
            time.sleep(0.05)
        with self.lock:
            got = len(self.messages)
        raise AssertionError(f"expected {count} email(s) within {timeout}s, got {got}")


class SilentMailServer:
    """Accepts connections and never says hello: a worker sending to it is stuck mid-task."""

    def __init__(self):
        self.port = free_port()
        self.connected = threading.Event()
        self._socket = socket.create_server(("127.0.0.1", self.port))
        self._connections = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            self._connections.append(connection)
            self.connected.set()

    def close(self):
        for connection in self._connections:
            connection.close()
        self._socket.close()


@pytest.fixture(scope="session")
def smtp_server_session():
    server = SmtpTestServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def smtp_server(smtp_server_session, settings):
    """The session's SMTP server, emptied, and this process's Django mail pointed at it."""
    smtp_server_session.start()
    smtp_server_session.clear()
    smtp_server_session.reply_delay = 0.0
    smtp_server_session.reply_delay_to = None
    settings.EMAIL_BACKEND = "website.mail.SMTPBackend"  # what EMAIL_URL=smtp://… gives
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server_session.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield smtp_server_session
    smtp_server_session.start()
