"""Google reCAPTCHA (django-recaptcha) for the appointment form, v3 or v2 by configuration.

A real patient is never lost to it: with no keys (development) the form runs without it; with
no token (JavaScript off, Google's script blocked) or with Google unreachable, slow or broken,
the request is kept and flagged "captcha not verified" for staff. Only a verdict from Google
that the sender is a bot (failed check, low v3 score) turns the form down, with a message.
"""

import logging
from urllib.error import URLError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_recaptcha import client
from django_recaptcha.fields import ReCaptchaField
from django_recaptcha.widgets import ReCaptchaV2Checkbox, ReCaptchaV3

from .models.requests import Captcha

logger = logging.getLogger(__name__)

ACTION = "appointment_request"
_told_about_missing_keys = False

# What the form page's Content-Security-Policy gains when reCAPTCHA is on (that page only).
CSP_UPDATE = {
    "script-src": ["https://www.google.com/recaptcha/", "https://www.gstatic.com/recaptcha/"],
    "connect-src": ["https://www.google.com/recaptcha/"],
}
CSP_REPLACE = {
    "frame-src": ["https://www.google.com/recaptcha/", "https://recaptcha.google.com/recaptcha/"],
}


def recaptcha_enabled() -> bool:
    enabled = bool(settings.RECAPTCHA_PUBLIC_KEY and settings.RECAPTCHA_PRIVATE_KEY)
    if not enabled:
        _say_once_that_keys_are_missing()
    return enabled


def _say_once_that_keys_are_missing() -> None:
    global _told_about_missing_keys
    if not _told_about_missing_keys:
        _told_about_missing_keys = True
        logger.warning(
            "reCAPTCHA keys are not set (RECAPTCHA_PUBLIC_KEY, RECAPTCHA_PRIVATE_KEY): the "
            "appointment form runs without reCAPTCHA. Fine for development, not for production."
        )


def uses_v2() -> bool:
    return settings.RECAPTCHA_VERSION.lower() == "v2"


class HiddenV3Widget(ReCaptchaV3):
    """The token field only; the page loads Google's script itself, with the CSP nonce."""

    template_name = "appointments/recaptcha/v3_token.html"


class CheckboxV2Widget(ReCaptchaV2Checkbox):
    template_name = "appointments/recaptcha/v2_checkbox.html"


class RecaptchaField(ReCaptchaField):
    default_error_messages = {
        "captcha_invalid": _(
            "We could not confirm that this form was sent by a person. Please try again, or "
            "call us."
        ),
    }

    def __init__(self, remote_ip: str = "", **kwargs):
        widget = CheckboxV2Widget() if uses_v2() else HiddenV3Widget(action=ACTION)
        super().__init__(widget=widget, label=_("Spam check"), **kwargs)
        self.required = False  # a missing token flags the request, it does not refuse it
        self.remote_ip = remote_ip
        self.verdict = Captcha.NOT_VERIFIED

    def validate(self, value):
        if not value:
            self.verdict = Captcha.NOT_VERIFIED
            return
        try:
            answer = client.submit(
                recaptcha_response=value, private_key=self.private_key, remoteip=self.remote_ip
            )
        except (URLError, OSError, ValueError, KeyError) as exc:
            # URLError: unreachable (django-recaptcha 4.1 lets it escape); OSError: timeouts;
            # ValueError/KeyError: an answer that is not the JSON Google documents.
            logger.warning(
                "reCAPTCHA could not be checked (%s); the request is kept and flagged",
                type(exc).__name__,
            )
            self.verdict = Captcha.NOT_VERIFIED
            return
        if not answer.is_valid or not self._score_and_action_pass(answer):
            logger.info("reCAPTCHA turned a submission down (codes %s)", answer.error_codes)
            raise ValidationError(self.error_messages["captcha_invalid"], code="captcha_invalid")
        self.verdict = Captcha.PASSED

    def _score_and_action_pass(self, answer) -> bool:
        if uses_v2():
            return True
        if answer.action != ACTION:
            return False
        try:
            score = float(answer.extra_data.get("score", 0))
        except (TypeError, ValueError):
            score = 0.0
        return score >= float(settings.RECAPTCHA_REQUIRED_SCORE)
