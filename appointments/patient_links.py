"""The two links that lead a patient back to their request: the thank-you page's (right after
sending) and the receipt's withdraw link. Both are signed tokens of the request's reference (no
name, no id to count through); a token that was altered or has expired opens nothing."""

from django.core import signing

from .models.requests import AppointmentRequest, retention_days

THANK_YOU_SALT = "appointments.thank-you"
WITHDRAW_SALT = "appointments.withdraw"
# The thank-you page is opened at once; a link copied later shows the plain page.
THANK_YOU_MAX_AGE_SECONDS = 3600


def thank_you_token(appointment: AppointmentRequest) -> str:
    return signing.dumps(appointment.reference, salt=THANK_YOU_SALT, compress=False)


def withdraw_token(appointment: AppointmentRequest) -> str:
    return signing.dumps(appointment.reference, salt=WITHDRAW_SALT, compress=False)


def request_for(token: str, salt: str, max_age: int) -> AppointmentRequest | None:
    try:
        reference = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:  # altered, made up, or expired (SignatureExpired)
        return None
    return AppointmentRequest.objects.filter(reference=reference).first()


def thank_you_request(token: str) -> AppointmentRequest | None:
    return request_for(token, THANK_YOU_SALT, THANK_YOU_MAX_AGE_SECONDS)


def withdraw_request(token: str) -> AppointmentRequest | None:
    # The link lasts as long as a handled request is kept.
    return request_for(token, WITHDRAW_SALT, retention_days() * 24 * 3600)
