"""Defences against bots that never cost a real patient their request.

- a signed form token: when the form was shown (too quick is likely a bot; too old may be a
  token a bot collected earlier: either way nothing is stored and the form comes back as typed,
  with a fresh token when the old one expired) and a key that makes a double click or a
  resubmitted page one request;
- a honeypot field people never see;
- a per-visitor rate limit kept in Django's cache (files, memory or Redis);
- reCAPTCHA (see recaptcha.py).
A filled honeypot is turned away quietly: the same thank-you page, and nothing stored.
"""

import logging
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from website.client_ip import client_ip

logger = logging.getLogger(__name__)

TOKEN_SALT = "appointments.form-token"  # noqa: S105 (a namespace, not a secret)
HONEYPOT_FIELD = "website"


@dataclass(frozen=True)
class FormToken:
    submission_key: uuid.UUID
    issued_at: float

    @classmethod
    def issue(cls) -> str:
        return signing.dumps({"key": uuid.uuid4().hex, "at": time.time()}, salt=TOKEN_SALT)

    @classmethod
    def read(cls, value: str | None) -> "FormToken | None":
        """The token the form came back with, or None if it is missing or was tampered with."""
        if not value or len(value) > 200:
            return None
        try:
            data = signing.loads(value, salt=TOKEN_SALT)
            return cls(submission_key=uuid.UUID(hex=data["key"]), issued_at=float(data["at"]))
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            return None

    def sent_too_quickly(self) -> bool:
        return time.time() - self.issued_at < settings.APPOINTMENT_MIN_SUBMIT_SECONDS

    def expired(self) -> bool:
        return time.time() - self.issued_at > settings.APPOINTMENT_FORM_TOKEN_MAX_AGE_SECONDS


def duration_in_words(seconds: float) -> str:
    """86400 → "a day", 7200 → "2 hours", 5400 → "an hour": rounded down, so that "open for
    more than …" stays true."""
    units = (
        (86400, _("a day"), lambda n: ngettext("%(count)d day", "%(count)d days", n)),
        (3600, _("an hour"), lambda n: ngettext("%(count)d hour", "%(count)d hours", n)),
        (60, _("a minute"), lambda n: ngettext("%(count)d minute", "%(count)d minutes", n)),
    )
    for size, one, many in units:
        count = int(seconds // size)
        if count == 1:
            return one
        if count > 1:
            return many(count) % {"count": count}
    return _("a moment")


def honeypot_filled(data) -> bool:
    return bool(data.get(HONEYPOT_FIELD, "").strip())


class RateLimit:
    """Counts requests per visitor in a fixed window. The cache key is a keyed hash of the
    address, so the cache never holds IP addresses."""

    def __init__(self, request):
        digest = salted_hmac("appointments.rate-limit", client_ip(request)).hexdigest()
        self.key = f"appointments:rate:{digest[:32]}"

    def exceeded(self) -> bool:
        return cache.get(self.key, 0) >= settings.APPOINTMENT_RATE_LIMIT

    def record(self) -> None:
        window = settings.APPOINTMENT_RATE_LIMIT_WINDOW
        # add() starts the window only if none is running; incr() is atomic on Redis.
        cache.add(self.key, 0, timeout=window)
        try:
            cache.incr(self.key)
        except ValueError:  # the window ended between the two calls
            cache.set(self.key, 1, timeout=window)
