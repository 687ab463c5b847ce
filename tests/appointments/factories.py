import uuid

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from appointments.models import (
    AppointmentRequest,
    AppointmentRequestPage,
    Captcha,
    Confirmation,
    NotificationSettings,
)
from website.models import PracticeSettings

STAFF_INBOX = "frontdesk@clinic.example"


class AppointmentRequestPageFactory(wagtail_factories.PageFactory):
    title = "Request an appointment"
    slug = "request-appointment"
    intro = "<p>We will call you back.</p>"

    class Meta:
        model = AppointmentRequestPage


class AppointmentRequestFactory(factory.django.DjangoModelFactory):
    submission_key = factory.LazyFunction(uuid.uuid4)
    first_name = factory.Sequence(lambda n: f"Patient{n}")
    last_name = "Example"
    phone = "+13125550199"
    email = ""
    preferred_contact = "phone"
    patient_type = "new"
    preferred_days = factory.LazyFunction(lambda: ["mon", "wed"])
    preferred_times = factory.LazyFunction(lambda: ["morning"])
    reason = "Low back pain"
    privacy_acknowledged_at = factory.LazyFunction(timezone.now)
    captcha = Captcha.OFF
    confirmation = factory.LazyAttribute(
        lambda o: Confirmation.PENDING if o.email else Confirmation.NOT_NEEDED
    )

    class Meta:
        model = AppointmentRequest


def build_appointment_page(home_page, **fields) -> AppointmentRequestPage:
    """The form page under the home page, wired to the site's buttons, and a staff inbox."""
    page = AppointmentRequestPageFactory(parent=home_page, **fields)
    practice = PracticeSettings.for_default_site()
    practice.appointment_page = page
    practice.save()
    notifications = NotificationSettings.load()
    notifications.staff_recipients = STAFF_INBOX
    notifications.save()
    return page


def user_in_group(username: str, group_name: str):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.com", "pw-long-enough"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user
