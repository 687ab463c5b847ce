"""/contact/: every office with its phone and fax, the practice's email with what not to send
by it, the appointment button and 'call 911'."""

import pytest
import wagtail_factories

from locations.models import ContactPage
from tests.appointments.factories import build_appointment_page
from website.models import PracticeSettings

from .factories import LocationPageFactory

pytestmark = pytest.mark.django_db


class ContactPageFactory(wagtail_factories.PageFactory):
    title = "Contact us"
    slug = "contact"

    class Meta:
        model = ContactPage


def test_contact_page_lists_offices_email_policy_appointments_and_911(
    client, home_page, locations_page
):
    LocationPageFactory(parent=locations_page, title="Downtown Chicago", slug="downtown")
    LocationPageFactory(
        parent=locations_page, title="Oak Park", slug="oak-park", phone="(708) 555-0199",
        fax="(708) 555-0198",
    )  # fmt: skip
    build_appointment_page(home_page)
    PracticeSettings.objects.update(email="office@clinic.example")
    ContactPageFactory(parent=home_page)
    html = client.get("/contact/").content.decode()
    assert "In a medical emergency, call 911" in html
    assert 'href="mailto:office@clinic.example"' in html
    assert "Please don&#x27;t send medical details" in html
    assert 'href="/request-appointment/">Request an appointment</a>' in html
    assert html.index('href="/locations/downtown/"') < html.index('href="/locations/oak-park/"')
    assert 'href="tel:+17085550199">(708) 555-0199</a>' in html and "Fax: (708) 555-0198" in html


def test_one_contact_page_per_site_under_the_home_page(home_page):
    assert ContactPage.can_create_at(home_page)
    ContactPageFactory(parent=home_page)
    assert not ContactPage.can_create_at(home_page)
