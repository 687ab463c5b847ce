"""100,000 appointment requests over five years, written with bulk_create in batches.

Half of them (rounded down) are handled requests past the retention period: the nightly purge
has exactly that many to delete. Of the other half, a tenth arrived within the retention period
(any status); the rest are older requests still open (new or contacted). Rows are written in the
order they arrived, so ids grow with `received_at` as on a real site."""

import random
import uuid
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from appointments.models import (
    AppointmentRequest,
    Captcha,
    Confirmation,
    ContactMethod,
    PatientType,
    ReferralSource,
    RequestNote,
    Status,
    TimeOfDay,
    Weekday,
    retention_days,
)
from appointments.models.requests import REFERENCE_ALPHABET, REFERENCE_LENGTH

from . import people, seeded

BATCH = 2000
YEARS = 5
CLOSED = [Status.SCHEDULED, Status.DECLINED, Status.SPAM, Status.WITHDRAWN]
CLOSED_WEIGHTS = [60, 15, 15, 10]
OPEN = [Status.NEW, Status.CONTACTED]
NOTE_SHARE = 0.1


def load(count: int, offices: list, physicians: list, seed: int, stdout) -> int:
    """Adds requests until there are `count`; returns how many it added."""
    existing = AppointmentRequest.objects.count()
    wanted = max(0, count - existing)
    if not wanted:
        return 0
    now = timezone.now()
    kept = timedelta(days=retention_days())
    # Each request's arrival first (it decides the order of the rows), then the rest of it.
    arrivals = sorted(
        (_received_at(seed, number, wanted, now, kept), number) for number in range(wanted)
    )
    references = set(AppointmentRequest.objects.values_list("reference", flat=True))
    for start in range(0, wanted, BATCH):
        rows, notes = [], []
        for received_at, number in arrivals[start : start + BATCH]:
            rng = seeded(seed, "request", number, "details")
            rows.append(_request(rng, received_at, number < wanted // 2, offices, physicians))
            rows[-1].reference = _reference(rng, references)
            notes.append(rng.random() < NOTE_SHARE and rng.choice(people.NOTES))
        with transaction.atomic():
            AppointmentRequest.objects.bulk_create(rows)
            RequestNote.objects.bulk_create(
                RequestNote(appointment=row, text=text)
                for row, text in zip(rows, notes, strict=True)
                if text
            )
        stdout.write(f"  appointment requests: {start + len(rows):,} of {wanted:,}")
    return wanted


def _received_at(seed: int, number: int, wanted: int, now, kept: timedelta):
    rng = seeded(seed, "request", number, "received")
    day = timedelta(days=1)
    oldest = timedelta(days=365 * YEARS)
    if number < wanted // 2 or rng.random() >= 0.1:  # past the retention period (a day's margin)
        age = rng.uniform((kept + day).total_seconds(), oldest.total_seconds())
    else:  # within it (a day's margin)
        age = rng.uniform(0, max(0, (kept - day).total_seconds()))
    return now - timedelta(seconds=age)


def _request(rng: random.Random, received_at, expired: bool, offices, physicians):
    first = rng.choice(people.FIRST_NAMES)
    last = rng.choice(people.LAST_NAMES)
    email = f"{first}.{last}{rng.randint(1, 999)}@example.com".lower() if rng.random() < 0.6 else ""
    contact = rng.choice([ContactMethod.PHONE, ContactMethod.PHONE, ContactMethod.TEXT])
    if email and rng.random() < 0.3:
        contact = ContactMethod.EMAIL
    recent = received_at > timezone.now() - timedelta(days=retention_days())
    if expired:
        status = rng.choices(CLOSED, CLOSED_WEIGHTS)[0]
    elif recent:
        status = rng.choice([*OPEN, *OPEN, *CLOSED])
    else:
        status = rng.choice(OPEN)
    handled = received_at + timedelta(hours=rng.uniform(1, 72))
    return AppointmentRequest(
        submission_key=uuid.UUID(int=rng.getrandbits(128)),
        received_at=received_at,
        first_name=first,
        last_name=last,
        phone=f"+1{rng.choice(people.AREA_CODES)}5550{rng.randint(100, 199)}",
        email=email,
        preferred_contact=contact,
        patient_type=rng.choice([PatientType.NEW, PatientType.NEW, PatientType.RETURNING]),
        preferred_days=sorted(rng.sample(Weekday.values, rng.randint(0, 3))),
        preferred_times=sorted(rng.sample(TimeOfDay.values, rng.randint(0, 2))),
        reason=rng.choice(people.REASONS),
        insurance=rng.choice(people.INSURANCES),
        referral_source=rng.choice(["", *ReferralSource.values]),
        preferred_location=offices[rng.randrange(len(offices))] if rng.random() < 0.7 else None,
        preferred_physician=(
            physicians[rng.randrange(len(physicians))] if rng.random() < 0.5 else None
        ),
        language="es" if rng.random() < 0.15 else "en",
        privacy_acknowledged_at=received_at,
        captcha=rng.choices(Captcha.values, [80, 5, 15])[0],
        status=status,
        status_changed_at=None if status == Status.NEW else handled,
        decline_reason=rng.choice(people.DECLINE_REASONS) if status == Status.DECLINED else "",
        staff_notified_at=received_at + timedelta(seconds=rng.uniform(2, 60)),
        confirmation=Confirmation.SENT if email else Confirmation.NOT_NEEDED,
        queued_at=received_at,
    )


def _reference(rng: random.Random, taken: set) -> str:
    while True:
        reference = "".join(rng.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
        if reference not in taken:
            taken.add(reference)
            return reference
