"""Demo content: the appointment request page, wired to every "Request an appointment" button,
a staff address for notifications, and the retention period in the privacy notice.

Idempotent, and it never overwrites what staff have changed.
"""

from wagtail.blocks import StreamValue

from website.demo_pages import ensure_published_child
from website.models import HomePage, PracticeSettings, StandardPage

from .models import AppointmentRequestPage, NotificationSettings, retention_days

INTRO = (
    "<p>Tell us a little about yourself and when suits you, and our front desk will call you "
    "back to book your visit. It takes about two minutes.</p>"
)
DEMO_STAFF_RECIPIENT = "frontdesk@example.com"
# The website demo's own sentence about retention, replaced by one that gives the period.
VAGUE_RETENTION = "the retention period has passed"


def load(stdout) -> None:
    page = _appointment_page(stdout)
    practice = PracticeSettings.for_default_site()
    if practice.appointment_page_id is None:
        practice.appointment_page = page
        practice.save(update_fields=["appointment_page"])
    notifications = NotificationSettings.load()
    if not notifications.staff_recipients:
        notifications.staff_recipients = DEMO_STAFF_RECIPIENT
        notifications.save()
    _state_retention_in_privacy_notice(stdout)


def _appointment_page(stdout) -> AppointmentRequestPage:
    page, _ = ensure_published_child(
        HomePage.objects.first(),
        AppointmentRequestPage.objects.all(),
        AppointmentRequestPage(
            title="Request an appointment", slug="request-appointment", intro=INTRO
        ),
        stdout,
        "appointment request page created",
    )
    return page


def _state_retention_in_privacy_notice(stdout) -> None:
    privacy = StandardPage.objects.filter(slug="privacy").first()
    if privacy is None:
        return
    blocks = list(privacy.body.raw_data)
    changed = False
    for block in blocks:
        if block["type"] == "paragraph" and VAGUE_RETENTION in block["value"]:
            block["value"] = (
                "<p>Appointment requests are deleted from the website "
                f"{retention_days()} days after they arrive, once our staff have dealt with "
                "them. The emails our staff receive never contain your details.</p>"
            )
            changed = True
    if changed:
        privacy.body = StreamValue(privacy.body.stream_block, blocks, is_lazy=True)
        privacy.save_revision().publish()
        stdout.write("  privacy notice: retention period stated")
