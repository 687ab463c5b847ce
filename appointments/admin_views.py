"""The front desk's inbox in the Wagtail admin: the list, its filters, search and export, the
detail view and the status form. Every look at a request, every change and every export is
written to Wagtail's history (ModelLogEntry), with the staff member's name."""

import re
import tempfile
import uuid

import django_filters
from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import FileResponse
from django.utils import timezone
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry
from wagtail.permission_policies import ModelPermissionPolicy

from locations.models import LocationPage

from .models import AppointmentRequest, Captcha, RequestNote, Status
from .models.requests import PATIENT_LANGUAGES, REFERENCE_LENGTH, normalised_reference

VIEWED = "appointments.view"
EXPORTED = "appointments.export"
STATUS_CHANGED = "appointments.status"
NOTE_ADDED = "appointments.note"


class AppointmentRequestPermissionPolicy(ModelPermissionPolicy):
    """Requests come only from the public form, so nobody adds (or copies) one in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


class AppointmentRequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        choices=Status.choices, empty_label="All", widget=forms.RadioSelect
    )
    received = django_filters.DateFromToRangeFilter(
        field_name="received_at__date", label="Received", widget=DateRangePickerWidget
    )
    captcha = django_filters.ChoiceFilter(
        choices=Captcha.choices, empty_label="All", widget=forms.RadioSelect, label="Captcha"
    )
    language = django_filters.ChoiceFilter(
        choices=PATIENT_LANGUAGES, empty_label="All", widget=forms.RadioSelect, label="Language"
    )
    preferred_location = django_filters.ModelChoiceFilter(
        label="Office",
        # The offices as staff know them (English pages; a translation is the same office).
        queryset=lambda request: LocationPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        ).order_by("path"),
        empty_label="All",
        null_label="Any office (no preference)",
    )

    class Meta:
        model = AppointmentRequest
        fields = ["status", "received", "captcha", "preferred_location", "language"]


def formula_safe(value) -> str:
    """A spreadsheet runs a cell starting with = + - @ as a formula; a patient's text must not."""
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


class AppointmentRequestIndexView(generic.IndexView):
    def get_base_queryset(self):
        # The list and the export name each request's office: read with the requests.
        return super().get_base_queryset().select_related("preferred_location")

    def search_queryset(self, queryset):
        """Every word must match a name, the email, the patient's reference or (by its digits)
        the phone number, so "Jane Doe", "doe@example", "K7QM-4XPD" and "(312) 555-0100" all
        find the request."""
        if not self.is_searching:
            return queryset
        query = Q()
        for word in self.search_query.split()[:6]:
            matches = (
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(email__icontains=word)
            )
            reference = normalised_reference(word)
            if len(reference) == REFERENCE_LENGTH:
                matches |= Q(reference=reference)
            digits = re.sub(r"\D", "", word)
            if len(digits) >= 3:
                matches |= Q(phone__contains=digits)
            query &= matches
        return queryset.filter(query)

    # Exports are streamed: the requests are read this many at a time, so a worker's memory
    # stays flat however many there are (make bench-volume: 100,000).
    export_chunk_size = 2000

    def as_spreadsheet(self, queryset, spreadsheet_format):
        self.export_format = spreadsheet_format
        self.export_id = uuid.uuid4()  # one export: one uuid shared by its log entries
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def stream_csv(self, queryset):
        return super().stream_csv(ExportedRows(queryset.model, self.exported(queryset)))

    def write_xlsx(self, queryset, output):
        # openpyxl's write-only workbook keeps each row in a temporary file, not in memory.
        return super().write_xlsx(ExportedRows(queryset.model, self.exported(queryset)), output)

    def write_xlsx_response(self, queryset):
        """The workbook is built in a temporary file and streamed from it (Wagtail's builds it
        in memory)."""
        output = tempfile.TemporaryFile()  # noqa: SIM115 (the response closes it)
        self.write_xlsx(queryset, output)
        output.seek(0)
        response = FileResponse(
            output,
            as_attachment=True,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            filename=f"{self.get_filename()}.xlsx",
        )
        response.block_size = 64 * 1024
        return response

    def exported(self, queryset):
        """The requests, read a chunk at a time; each chunk is written to the history (one
        entry per request, in one query) before its rows go out."""
        chunk = []
        for appointment in queryset.iterator(chunk_size=self.export_chunk_size):
            chunk.append(appointment)
            if len(chunk) == self.export_chunk_size:
                self.log_export(chunk)
                yield from chunk
                chunk = []
        if chunk:
            self.log_export(chunk)
            yield from chunk

    def log_export(self, appointments) -> None:
        """What wagtail.log_actions.log() writes for each request, for a chunk at once."""
        content_type = ContentType.objects.get_for_model(AppointmentRequest)
        now = timezone.now()
        ModelLogEntry.objects.bulk_create(
            ModelLogEntry(
                content_type=content_type,
                label=str(appointment),
                action=EXPORTED,
                timestamp=now,
                data={"format": self.export_format},
                user=self.request.user,
                uuid=self.export_id,
                object_id=str(appointment.pk),
            )
            for appointment in appointments
        )

    def get_filename(self):
        return f"appointment-requests-{timezone.localdate():%Y-%m-%d}"


class ExportedRows:
    """What Wagtail's spreadsheet writers read from a queryset (its model, to name the columns,
    and its rows), with the rows streamed."""

    def __init__(self, model, rows):
        self.model = model
        self.rows = rows

    def __iter__(self):
        return iter(self.rows)


class AppointmentRequestInspectView(generic.InspectView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log(self.object, VIEWED, user=request.user, data={"view": "detail"})
        return response

    def get_phone_display_value(self):
        return self.object.phone_display

    def get_preferred_days_display_value(self):
        return self.object.preferred_days_display

    def get_preferred_times_display_value(self):
        return self.object.preferred_times_display

    def get_received_at_display_value(self):
        return self.object.received_display

    def get_staff_notified_at_display_value(self):
        sent = self.object.staff_notified_at
        return timezone.localtime(sent).strftime("%b %-d, %Y, %-I:%M %p") if sent else "Not yet"


class AppointmentRequestAdminForm(WagtailAdminModelForm):
    """Staff change only the status (along the allowed steps, with the reason when declining)
    and add a note to the timeline; earlier notes are never edited."""

    new_note = forms.CharField(
        label="Add a note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Calls made, messages left, what was agreed. Saved with your name and the "
        "time; notes are never changed afterwards.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields and self.instance.pk:
            allowed = self.instance.allowed_statuses()
            self.fields["status"].choices = [
                (value, label) for value, label in Status.choices if value in allowed
            ]

    def clean(self):
        cleaned_data = super().clean()
        if (
            cleaned_data.get("status") == Status.DECLINED
            and not cleaned_data.get("decline_reason", "").strip()
        ):
            self.add_error("decline_reason", "Say why the request is declined.")
        return cleaned_data

    def save(self, commit=True):
        if "status" in self.changed_data:
            self.instance.status_changed_at = timezone.now()
        return super().save(commit=commit)


class AppointmentRequestEditView(generic.EditView):
    def get_object(self, queryset=None):
        appointment = super().get_object(queryset)
        self.status_before = appointment.status
        return appointment

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log(self.object, VIEWED, user=request.user, data={"view": "edit"})
        return response

    def save_instance(self):
        instance = super().save_instance()
        note = self.form.cleaned_data.get("new_note", "").strip()
        if note:
            RequestNote.objects.create(appointment=instance, author=self.request.user, text=note)
            log(instance, NOTE_ADDED, user=self.request.user)  # that a note came, not its words
        if instance.status != self.status_before:
            log(
                instance,
                STATUS_CHANGED,
                user=self.request.user,
                data={"from": self.status_before, "to": instance.status},
            )
        return instance
