"""The front desk's inbox in the Wagtail admin: the list, its filters, search and export, the
detail view and the status form. Every look at a request, every change and every export is
written to Wagtail's history (ModelLogEntry), with the staff member's name."""

import re
import uuid

import django_filters
from django import forms
from django.conf import settings
from django.db import connection
from django.db.models import F, Func, Q
from django.http import StreamingHttpResponse
from django.utils import timezone
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from locations.models import LocationPage
from website.spreadsheet import CONTENT_TYPE, stream_xlsx

from . import export
from .models import AppointmentRequest, Captcha, RequestNote, Status
from .models.requests import PATIENT_LANGUAGES, REFERENCE_LENGTH, normalised_reference

VIEWED = "appointments.view"
EXPORTED = export.EXPORTED
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
    # The form gives the first day from its first moment and the last to its last, in the
    # practice's time zone (django-filter's DateRangeField), so comparing received_at itself
    # means what received_at__date would, and reads the inbox's index (received_at, id)
    # instead of converting the date of all 100,000 requests.
    received = django_filters.DateFromToRangeFilter(
        field_name="received_at", label="Received", widget=DateRangePickerWidget
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


def sorted_after_matching(queryset):
    """The same order, through expressions no index offers (PostgreSQL). A search's matches come
    from the trigram indexes, a handful of rows out of 100,000; but seeing LIMIT 50 and an order
    its (received_at, id) index gives, the planner may instead walk that index backwards hoping
    to meet 50 matches soon, and for a rare name reads every request (EXPLAIN at volume, "Maria
    Garcia": 100,000 rows walked for 3). Ordered by COALESCE(received_at) it finds the matches
    in the trigram indexes first and sorts those few. SQLite has no trigram index (and no
    one-argument COALESCE): its order is left as it is."""
    if connection.vendor != "postgresql":
        return queryset
    terms = queryset.query.order_by
    if not terms and queryset.query.default_ordering:
        terms = queryset.model._meta.ordering  # the model's own, applied when none is given
    if not terms:
        return queryset
    order = []
    for term in terms:
        if isinstance(term, str):
            name = term.lstrip("-")
            expression = Func(F("pk" if name == "pk" else name), function="COALESCE")
            term = expression.desc() if term.startswith("-") else expression.asc()
        order.append(term)
    return queryset.order_by(*order)


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
        return sorted_after_matching(queryset.filter(query))

    # Exports are streamed (export.py): the requests are read this many at a time, so a
    # worker's memory stays flat however many there are (make bench-volume: 100,000).
    export_chunk_size = export.CHUNK_SIZE

    def get(self, request, *args, **kwargs):
        if self.is_export:
            # Straight to the stream: the list's context would first build a table of every
            # filtered request (Wagtail does, then ignores it for an export).
            return self.as_spreadsheet(self.get_queryset(), request.GET.get("export"))
        return super().get(request, *args, **kwargs)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        exporting = export.Export(
            queryset, self.list_export, self.request.user, spreadsheet_format, uuid.uuid4()
        )
        heading = [self.get_heading(queryset, field) for field in self.list_export]
        if spreadsheet_format == self.FORMAT_CSV:
            response = StreamingHttpResponse(
                exporting.csv_lines(heading, self.export_chunk_size), content_type="text/csv"
            )
        else:
            response = StreamingHttpResponse(
                stream_xlsx(heading, exporting.chunks(self.export_chunk_size)),
                content_type=CONTENT_TYPE,
            )
        extension = "csv" if spreadsheet_format == self.FORMAT_CSV else "xlsx"
        response["Content-Disposition"] = (
            f'attachment; filename="{self.get_filename()}.{extension}"'
        )
        return response

    def get_filename(self):
        return f"appointment-requests-{timezone.localdate():%Y-%m-%d}"


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
