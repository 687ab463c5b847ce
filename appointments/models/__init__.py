"""The appointments app's models, where Django and the migrations look for them.

Imports run one way: requests.py (the request and its settings) ← forms, spam, recaptcha,
emails, delivery, tasks ← views ← page.py (the public page) ← this package. Code in the app
imports from `.models.requests`; code outside it may import from here."""

from .notes import RequestNote
from .page import AppointmentRequestPage
from .requests import (
    CLOSED_STATUSES,
    STATUS_TRANSITIONS,
    WITHDRAWABLE_STATUSES,
    AppointmentRequest,
    Captcha,
    Confirmation,
    ContactMethod,
    NotificationSettings,
    PatientType,
    ReferralSource,
    Status,
    TimeOfDay,
    Weekday,
    retention_cutoff,
    retention_days,
)

__all__ = [
    "CLOSED_STATUSES",
    "STATUS_TRANSITIONS",
    "WITHDRAWABLE_STATUSES",
    "AppointmentRequest",
    "AppointmentRequestPage",
    "Captcha",
    "Confirmation",
    "ContactMethod",
    "NotificationSettings",
    "PatientType",
    "ReferralSource",
    "RequestNote",
    "Status",
    "TimeOfDay",
    "Weekday",
    "retention_cutoff",
    "retention_days",
]
