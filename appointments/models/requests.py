"""Appointment requests: what a patient sent, where it is in the front desk's workflow, and
whether its emails have gone out; who is told of them; how long handled ones are kept.

Everything in the app that handles a request (forms, spam and captcha checks, emails, delivery,
tasks, views) imports this module, never the page (page.py), which serves through them."""

import re
import secrets
from datetime import timedelta

import phonenumbers
from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

# The site's languages, named in English for the staff who read them (settings.LANGUAGES names
# each in its own language, for patients).
PATIENT_LANGUAGES = [("en", "English"), ("es", "Spanish")]


class Status(models.TextChoices):
    NEW = "new", "New"
    CONTACTED = "contacted", "Contacted"
    SCHEDULED = "scheduled", "Scheduled"
    DECLINED = "declined", "Declined"
    SPAM = "spam", "Spam"
    WITHDRAWN = "withdrawn", "Withdrawn by the patient"


# Handled requests: the retention period deletes these once they are old enough.
CLOSED_STATUSES = {Status.SCHEDULED, Status.DECLINED, Status.SPAM, Status.WITHDRAWN}
# The patient may withdraw a request the desk has not settled yet.
WITHDRAWABLE_STATUSES = {Status.NEW, Status.CONTACTED}

# Where a request may go from each status. A mistake can be undone by going back one step.
# From "new", any step the desk may take after a single call (or none, for spam).
STATUS_TRANSITIONS = {
    Status.NEW: [Status.CONTACTED, Status.SCHEDULED, Status.DECLINED, Status.SPAM],
    Status.CONTACTED: [Status.SCHEDULED, Status.DECLINED, Status.SPAM],
    Status.SCHEDULED: [Status.CONTACTED],
    Status.DECLINED: [Status.CONTACTED],
    Status.SPAM: [Status.NEW],
    Status.WITHDRAWN: [],  # the patient's decision; the desk cannot undo it
}

# The patient's reference: 8 characters a person reads out without confusing them (no 0/O, 1/I/L),
# 31**8 (about 850 billion) of them, drawn at random: neither guessed nor counted through.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
REFERENCE_LENGTH = 8


def new_reference() -> str:
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def normalised_reference(typed: str) -> str:
    """What a patient reads out or types ("abcd-efgh", "ABCD EFGH") as it is stored."""
    return re.sub(r"[^A-Z0-9]", "", typed.upper())


class ContactMethod(models.TextChoices):
    PHONE = "phone", _("Phone call")
    TEXT = "text", _("Text message")
    EMAIL = "email", _("Email")


class PatientType(models.TextChoices):
    NEW = "new", _("New patient")
    RETURNING = "returning", _("Returning patient")


class Weekday(models.TextChoices):
    MONDAY = "mon", pgettext_lazy("day a patient can come", "Monday")
    TUESDAY = "tue", pgettext_lazy("day a patient can come", "Tuesday")
    WEDNESDAY = "wed", pgettext_lazy("day a patient can come", "Wednesday")
    THURSDAY = "thu", pgettext_lazy("day a patient can come", "Thursday")
    FRIDAY = "fri", pgettext_lazy("day a patient can come", "Friday")


class TimeOfDay(models.TextChoices):
    MORNING = "morning", _("Morning (8 am to noon)")
    AFTERNOON = "afternoon", _("Afternoon (noon to 5 pm)")


class ReferralSource(models.TextChoices):
    DOCTOR = "doctor", _("My doctor referred me")
    SEARCH = "search", _("Internet search")
    FRIEND = "friend", _("Friend or family")
    INSURANCE = "insurance", _("My insurance company")
    OTHER = "other", _("Other")


class Captcha(models.TextChoices):
    PASSED = "passed", "Verified"
    NOT_VERIFIED = "not_verified", "Captcha not verified"
    OFF = "off", "No captcha configured"


class Confirmation(models.TextChoices):
    NOT_NEEDED = "not_needed", "No email address given"
    PENDING = "pending", "Not sent yet"
    SENT = "sent", "Sent"
    REFUSED = "refused", "Refused by the patient's mail server"


# How staff read a request's values: the inbox, the detail view and the exports (export.py) say
# the same, from a request or from its row alone.
NANP_NUMBER = re.compile(r"\+1([2-9]\d\d)([2-9]\d\d)(\d{4})")
WEEKDAY_LABELS = dict(Weekday.choices)
TIME_LABELS = dict(TimeOfDay.choices)


def received_label(received_at) -> str:
    return timezone.localtime(received_at).strftime("%b %-d, %Y, %-I:%M %p")


def phone_label(phone: str) -> str:
    """The number as staff dial it: (312) 555-0142 at home, +44 20 … abroad."""
    if match := NANP_NUMBER.fullmatch(phone):  # most numbers, without parsing (as NATIONAL)
        return "({}) {}-{}".format(*match.groups())
    try:
        number = phonenumbers.parse(phone, "US")
    except phonenumbers.NumberParseException:
        return phone
    if number.country_code == 1:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def days_label(days: list[str]) -> str:
    return ", ".join(str(WEEKDAY_LABELS.get(day, day)) for day in days) or "Any day"


def times_label(times: list[str]) -> str:
    return ", ".join(str(TIME_LABELS.get(time, time)) for time in times) or "Any time"


class AppointmentRequest(models.Model):
    # The form carries this key, so a double click or a resubmitted page stores one request.
    submission_key = models.UUIDField(unique=True, editable=False)
    received_at = models.DateTimeField(default=timezone.now, db_index=True, editable=False)

    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    phone = models.CharField(max_length=20, help_text="Stored in international form (+1…).")
    email = models.EmailField(blank=True)
    preferred_contact = models.CharField(
        "preferred contact", max_length=10, choices=ContactMethod.choices
    )
    patient_type = models.CharField("new or returning", max_length=10, choices=PatientType.choices)
    preferred_days = models.JSONField(default=list, blank=True)
    preferred_times = models.JSONField(default=list, blank=True)
    reason = models.TextField("reason for the visit", max_length=500, blank=True)
    insurance = models.CharField(max_length=200, blank=True)
    referral_source = models.CharField(
        "heard of us from", max_length=20, choices=ReferralSource.choices, blank=True
    )
    # Empty: any office, no preference. An office or physician deleted later leaves it empty.
    preferred_location = models.ForeignKey(
        "locations.LocationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="preferred office",
    )
    # The language of the page the form was sent from: the desk calls back with someone who
    # speaks it. Not a detail about the patient's health; the staff email says it.
    language = models.CharField(
        "language", max_length=8, choices=PATIENT_LANGUAGES, default="en", editable=False
    )
    preferred_physician = models.ForeignKey(
        "physicians.PhysicianPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="preferred physician",
    )
    privacy_acknowledged_at = models.DateTimeField(editable=False)
    captcha = models.CharField(max_length=20, choices=Captcha.choices, editable=False)

    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    status_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    staff_notes = models.TextField(
        "earlier notes",
        blank=True,
        editable=False,
        help_text="Notes written before notes became a timeline (RequestNote); kept, read-only.",
    )
    # Given in save(); never shown as the database id.
    reference = models.CharField(max_length=REFERENCE_LENGTH, unique=True, editable=False)
    decline_reason = models.CharField(
        "reason for declining",
        max_length=500,
        blank=True,
        help_text="Needed when the request is declined: what the patient was told, e.g. "
        "'We do not treat migraines; referred to neurology.'",
    )

    # The pipeline's bookkeeping: which emails have gone out, and which worker is sending them.
    staff_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    confirmation = models.CharField(
        "patient confirmation", max_length=20, choices=Confirmation.choices, editable=False
    )
    delivery_claim = models.CharField(max_length=64, blank=True, editable=False)
    delivery_claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    delivery_attempts = models.PositiveIntegerField(default=0, editable=False)
    queued_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = "appointment request"
        indexes = [
            models.Index(fields=["staff_notified_at", "confirmation"]),
            # The inbox's order (newest first) read from an index, whatever the filter.
            models.Index(fields=["received_at", "id"], name="appointment_received_idx"),
            # The inbox's filters that had no index (status and office have theirs): the count
            # of one captcha result or language (the paginator's) is read from the index alone,
            # not from 100,000 rows, and a page of them is a range of it (migration 0008).
            models.Index(fields=["captcha", "received_at", "id"], name="appointment_captcha_idx"),
            models.Index(fields=["language", "received_at", "id"], name="appointment_language_idx"),
        ]
        # On PostgreSQL the inbox's search (any part of a name, email or phone) has trigram
        # indexes too: migration 0007, which SQLite skips (a table scan is quick there).

    def __str__(self):
        # Never the patient's name: this label is kept in the admin's history after deletion.
        return f"Appointment request #{self.pk}"

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = new_reference()
        super().save(*args, **kwargs)

    @property
    @admin.display(description="reference", ordering="reference")
    def reference_display(self) -> str:
        ref = self.reference or ""
        return f"{ref[:4]}-{ref[4:]}" if ref else ""

    @property
    @admin.display(description="received", ordering="received_at")
    def received_display(self) -> str:
        return received_label(self.received_at)

    @property
    @admin.display(description="name", ordering="last_name")
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    @admin.display(description="phone", ordering="phone")
    def phone_display(self) -> str:
        return phone_label(self.phone)

    @property
    @admin.display(description="phone", ordering="phone")
    def phone_link(self) -> str:
        return format_html('<a href="tel:{}">{}</a>', self.phone, self.phone_display)

    @property
    @admin.display(description="email", ordering="email")
    def email_link(self) -> str:
        if not self.email:
            return ""
        return format_html('<a href="mailto:{}">{}</a>', self.email, self.email)

    @property
    @admin.display(description="office", ordering="preferred_location__title")
    def office_display(self) -> str:
        return self.preferred_location.title if self.preferred_location_id else "Any office"

    @property
    @admin.display(description="preferred days")
    def preferred_days_display(self) -> str:
        return days_label(self.preferred_days)

    @property
    @admin.display(description="preferred times")
    def preferred_times_display(self) -> str:
        return times_label(self.preferred_times)

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    @property
    def needs_delivery(self) -> bool:
        return self.staff_notified_at is None or self.confirmation == Confirmation.PENDING

    def allowed_statuses(self) -> list[str]:
        return [self.status, *STATUS_TRANSITIONS[Status(self.status)]]


@register_setting(icon="mail")
class NotificationSettings(BaseGenericSetting):
    """Who is emailed when a request arrives. Only superusers can change it: no group is given
    this permission, and the field itself is hidden from anyone else."""

    staff_recipients = models.TextField(
        "staff email addresses",
        blank=True,
        help_text=(
            "One address per line. Each gets a short email with a link to the new request in "
            "the admin (never the patient's details). If empty, superusers are emailed."
        ),
    )

    panels = [FieldPanel("staff_recipients", permission="superuser")]

    class Meta:
        verbose_name = "appointment notifications"

    def recipient_list(self) -> list[str]:
        return [line.strip() for line in self.staff_recipients.splitlines() if line.strip()]


def retention_days() -> int:
    return settings.APPOINTMENT_RETENTION_DAYS


def retention_cutoff():
    """Handled requests received before this are deleted."""
    return timezone.now() - timedelta(days=retention_days())
