"""The two emails a request causes. Neither carries anything the patient typed: the staff email
is a pointer into the admin, the patient's is a receipt.

Each has a Message-ID fixed by the request, so if a worker dies after the mail server took a
message but before it was recorded (the one case at-least-once delivery repeats), mail clients
see the same message twice and show it once.
"""

from urllib.parse import urljoin, urlsplit

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from hours.models.saved_schedule import schedule_for_site
from website.models import PracticeSettings

from .models.requests import AppointmentRequest
from .patient_links import withdraw_token
from .promise import contact_promise


def message_id(appointment: AppointmentRequest, kind: str) -> str:
    domain = urlsplit(settings.SITE_URL).hostname or "localhost"
    stamp = int(appointment.received_at.timestamp())
    return f"<appointment-request-{appointment.pk}-{stamp}.{kind}@{domain}>"


def admin_url(appointment: AppointmentRequest) -> str:
    # The edit view: where the desk works the request (status, notes), the request on top.
    path = reverse("appointment_requests:edit", args=[appointment.pk])
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}"


def staff_notification(appointment: AppointmentRequest, recipients: list[str]) -> EmailMessage:
    # The front desk reads English, whatever the patient's language.
    with translation.override(settings.LANGUAGE_CODE):
        return _staff_notification(appointment, recipients)


def _staff_notification(appointment: AppointmentRequest, recipients: list[str]) -> EmailMessage:
    received = timezone.localtime(appointment.received_at)
    context = {
        "number": appointment.pk,
        "received_time": received.strftime("%-I:%M %p"),
        "received_day": received.strftime("%A, %B %-d"),
        "admin_url": admin_url(appointment),
        # Which office is not a patient detail: it tells the right front desk to pick it up.
        "office": appointment.preferred_location.title
        if appointment.preferred_location
        else "Any office",
        # So that the desk calls back with someone who speaks it.
        "language_note": f"{appointment.get_language_display()}-speaking patient"
        if appointment.language != "en"
        else "",
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


def withdraw_url(appointment: AppointmentRequest) -> str:
    """The receipt's signed link, under the live appointment page in the patient's language (or
    the English one when there is none), found by model name: this module never imports the
    page, which serves through the views that import this."""
    page_model = apps.get_model("appointments", "AppointmentRequestPage")
    pages = page_model.objects.live().select_related("locale")
    page = pages.filter(locale__language_code=appointment.language).first()
    page = page or pages.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if page is None:
        return ""
    token_parts = withdraw_token(appointment).split(":")
    path = page.get_url() + page.reverse_subpage("withdraw", args=token_parts)
    return urljoin(settings.SITE_URL, path)


def patient_confirmation(appointment: AppointmentRequest) -> EmailMessage:
    """The receipt, in the language of the form the patient sent (the worker runs in English
    until told otherwise)."""
    with translation.override(appointment.language or settings.LANGUAGE_CODE):
        return _patient_confirmation(appointment)


def _patient_confirmation(appointment: AppointmentRequest) -> EmailMessage:
    practice = PracticeSettings.for_default_site()
    site = Site.objects.filter(is_default_site=True).first()
    schedule = schedule_for_site(site, appointment.received_at) if site is not None else None
    context = {
        "practice": practice,
        "site_url": settings.SITE_URL,
        "reference": appointment.reference_display,
        # As of when the request came, as the thank-you page said it.
        "promise": contact_promise(
            schedule, appointment.received_at, appointment.preferred_contact
        ),
        "withdraw_url": withdraw_url(appointment),
    }
    return EmailMessage(
        subject=_("We received your appointment request | {practice}").format(
            practice=practice.name
        ),
        body=render_to_string("appointments/emails/patient_confirmation.txt", context),
        to=[appointment.email],
        headers={
            "Message-ID": message_id(appointment, "confirmation"),
            "Content-Language": translation.get_language(),
            "Auto-Submitted": "auto-generated",
        },
    )
