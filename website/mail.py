"""The development email backend: each message is printed and kept as an .eml file.

`make run` uses it so that staff notifications can be read without any mail server;
the folder is settings.EMAIL_FOLDER (var/mail/ by default).
"""

from pathlib import Path

from django.conf import settings
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
