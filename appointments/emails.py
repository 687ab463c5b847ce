"""The two emails a request causes. Neither carries anything the patient typed: the staff email
is a pointer into the admin, the patient's is a receipt.

Each has a Message-ID fixed by the request, so if a worker dies after the mail server took a
message but before it was recorded (the one case at-least-once delivery repeats), mail clients
see the same message twice and show it once.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from website.models import PracticeSettings

from .models.requests import AppointmentRequest


def message_id(appointment: AppointmentRequest, kind: str) -> str:
    domain = urlsplit(settings.SITE_URL).hostname or "localhost"
    stamp = int(appointment.received_at.timestamp())
    return f"<appointment-request-{appointment.pk}-{stamp}.{kind}@{domain}>"


def admin_url(appointment: AppointmentRequest) -> str:
    # The edit view: where the desk works the request (status, notes), the request on top.
    path = reverse("appointment_requests:edit", args=[appointment.pk])
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}"


def staff_notification(appointment: AppointmentRequest, recipients: list[str]) -> EmailMessage:
    received = timezone.localtime(appointment.received_at)
    context = {
        "number": appointment.pk,
        "received_time": received.strftime("%-I:%M %p"),
        "received_day": received.strftime("%A, %B %-d"),
        "admin_url": admin_url(appointment),
    }
    return EmailMessage(
        subject=f"New appointment request #{appointment.pk}",
        body=render_to_string("appointments/emails/staff_notification.txt", context),
        to=recipients,
        headers={
            "Message-ID": message_id(appointment, "staff"),
            "Auto-Submitted": "auto-generated",
        },
    )


def patient_confirmation(appointment: AppointmentRequest) -> EmailMessage:
    practice = PracticeSettings.for_default_site()
    context = {"practice": practice, "site_url": settings.SITE_URL}
    return EmailMessage(
        subject=f"We received your appointment request | {practice.name}",
        body=render_to_string("appointments/emails/patient_confirmation.txt", context),
        to=[appointment.email],
        headers={
            "Message-ID": message_id(appointment, "confirmation"),
            "Auto-Submitted": "auto-generated",
        },
    )
