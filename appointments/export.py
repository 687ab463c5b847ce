"""The inbox's CSV and Excel exports, streamed: the requests are read a chunk at a time as plain
rows (no model instances), each chunk is written to the history (one entry per request, in one
query) and then sent. `make bench-volume` exports 100,000 requests this way.

Each column of the viewset's `list_export` is worked out here from the row alone, with the same
functions as the request's own display properties (models/requests.py), so the inbox, the
detail view and both exports say the same."""

import csv
from collections.abc import Callable, Iterator

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import ModelLogEntry

from .models.requests import (
    PATIENT_LANGUAGES,
    AppointmentRequest,
    Captcha,
    ContactMethod,
    PatientType,
    ReferralSource,
    Status,
    days_label,
    phone_label,
    received_label,
    times_label,
)

CHUNK_SIZE = 2000
EXPORTED = "appointments.export"  # the history's action


def formula_safe(value) -> str:
    """A spreadsheet runs a cell starting with = + - @ as a formula; a patient's text must not."""
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


def _label(choices) -> Callable[[str], str]:
    labels = dict(choices)
    return lambda value: labels.get(value, value)


def _text(field: str) -> tuple[list[str], Callable]:
    return [field], lambda row: formula_safe(row[field])


def _choice(field: str, choices) -> tuple[list[str], Callable]:
    label = _label(choices)
    return [field], lambda row: formula_safe(label(row[field]))


# list_export's name → (the row's fields it needs, its cell from the row)
COLUMNS: dict[str, tuple[list[str], Callable]] = {
    "pk": (["pk"], lambda row: row["pk"]),
    "received_display": (["received_at"], lambda row: received_label(row["received_at"])),
    "first_name": _text("first_name"),
    "last_name": _text("last_name"),
    "phone_display": (["phone"], lambda row: formula_safe(phone_label(row["phone"]))),
    "email": _text("email"),
    "office_display": (
        ["preferred_location__title"],
        lambda row: formula_safe(row["preferred_location__title"] or "Any office"),
    ),
    "get_language_display": _choice("language", PATIENT_LANGUAGES),
    "get_preferred_contact_display": _choice("preferred_contact", ContactMethod.choices),
    "get_patient_type_display": _choice("patient_type", PatientType.choices),
    "preferred_days_display": (
        ["preferred_days"],
        lambda row: formula_safe(days_label(row["preferred_days"])),
    ),
    "preferred_times_display": (
        ["preferred_times"],
        lambda row: formula_safe(times_label(row["preferred_times"])),
    ),
    "reason": _text("reason"),
    "insurance": _text("insurance"),
    "get_referral_source_display": _choice("referral_source", ReferralSource.choices),
    "get_captcha_display": _choice("captcha", Captcha.choices),
    "get_status_display": _choice("status", Status.choices),
    "decline_reason": _text("decline_reason"),
    "staff_notes": _text("staff_notes"),
}


class Export:
    """One export of `queryset` (the inbox's filtered list) by `user`, in `spreadsheet_format`;
    `log_id` is shared by its history entries."""

    def __init__(self, queryset, columns: list[str], user, spreadsheet_format: str, log_id):
        self.queryset = queryset
        self.columns = [COLUMNS[name][1] for name in columns]
        self.fields = list(dict.fromkeys(f for name in columns for f in COLUMNS[name][0]))
        self.user_id = user.pk  # the request's user is a lazy object, slow to read 100,000 times
        self.format = spreadsheet_format
        self.log_id = log_id

    def chunks(self, size: int = CHUNK_SIZE) -> Iterator[list[list]]:
        """The rows, `size` at a time, each chunk logged before it is handed on."""
        rows = self.queryset.values(*self.fields).iterator(chunk_size=size)
        chunk = []
        for row in rows:
            chunk.append(row)
            if len(chunk) == size:
                yield self._logged(chunk)
                chunk = []
        if chunk:
            yield self._logged(chunk)

    def _logged(self, chunk: list[dict]) -> list[list]:
        """What wagtail.log_actions.log() writes for each request, for the chunk at once."""
        content_type_id = ContentType.objects.get_for_model(AppointmentRequest).pk
        now = timezone.now()
        ModelLogEntry.objects.bulk_create(
            ModelLogEntry(
                content_type_id=content_type_id,
                label=f"Appointment request #{row['pk']}",  # as str(request): never a name
                action=EXPORTED,
                timestamp=now,
                data={"format": self.format},
                user_id=self.user_id,
                uuid=self.log_id,
                object_id=str(row["pk"]),
            )
            for row in chunk
        )
        return [[cell(row) for cell in self.columns] for row in chunk]

    def csv_lines(self, heading: list[str], size: int = CHUNK_SIZE) -> Iterator[str]:
        class Line:
            def write(self, text):
                return text

        writer = csv.writer(Line())
        yield writer.writerow(heading)
        for chunk in self.chunks(size):
            yield "".join(writer.writerow(row) for row in chunk)
