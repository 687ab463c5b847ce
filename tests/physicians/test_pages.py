"""Physician profiles and the listing: what a patient sees, and where the pages may live."""

import pytest
import wagtail_factories
from django.core.exceptions import ValidationError
from wagtail.models import Page

from physicians.models import PhysicianIndexPage, PhysicianPage
from tests.website.factories import StandardPageFactory
from website.models import PracticeSettings

from .factories import PhysicianIndexPageFactory, PhysicianPageFactory, education

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return PhysicianIndexPageFactory(parent=home_page)


def test_page_tree_rules(home_page, index):
    root = Page.get_first_root_node()
    assert not PhysicianIndexPage.can_create_at(root)
    # One physicians page per site, directly under home.
    assert not PhysicianIndexPage.can_create_at(home_page)
    # Profiles live only in the physicians page, and have nothing below them.
    assert PhysicianPage.can_create_at(index)
    assert not PhysicianPage.can_create_at(home_page)
    standard = StandardPageFactory(parent=home_page)
    assert not PhysicianPage.can_create_at(standard)
    assert not PhysicianIndexPage.can_create_at(standard)
    profile = PhysicianPageFactory(parent=index)
    assert not PhysicianPage.can_create_at(profile)
    assert PhysicianPage.allowed_subpage_models() == []


def test_profile_shows_qualifications_and_appointment_button(client, home_page, index):
    appointments = StandardPageFactory(parent=home_page, slug="request-appointment")
    PracticeSettings.objects.update(appointment_page=appointments)
    physician = PhysicianPageFactory(
        parent=index,
        title="Maria Santos",
        slug="maria-santos",
        credentials="M.D.",
        short_name="Dr. Santos",
        job_title="Interventional pain physician",
        accepting_new_patients=True,
        specialties="Pain Management\nSpine care",
        board_certifications="Anesthesiology",
        hospital_affiliations="Lakeside General Hospital",
        languages="English\nSpanish",
        biography="<p>Dr. Santos listens first.</p>",
        education=[
            education(name="Doctor of Medicine (M.D.)", institution="State University", year=2004),
            education(kind="fellowship", name="Pain Medicine", institution="", year=None),
        ],
    )
    html = client.get(physician.url).content.decode()
    assert "<h1>Dr. Maria Santos" in html and ", M.D." in html
    for expected in ["Interventional pain physician", "Accepting new patients", "Spine care",
                     "Anesthesiology", "Lakeside General Hospital", "Spanish",
                     "Doctor of Medicine (M.D.), State University (2004)",
                     "Fellowship:</span> Pain Medicine", "Dr. Santos listens first."]:  # fmt: skip
        assert expected in html, expected
    assert f'href="{appointments.url}">Request an appointment</a>' in html


def test_profile_without_appointment_page_offers_the_phone(client, index):
    physician = PhysicianPageFactory(parent=index, accepting_new_patients=None)
    html = client.get(physician.url).content.decode()
    assert "Request an appointment" not in html
    assert 'To make an appointment, call <a href="tel:+13125550100">' in html
    # Unknown is not the same as "no": nothing is said either way.
    assert "accepting new patients" not in html.lower()


def test_photo_needs_a_description(index):
    with pytest.raises(ValidationError) as error:
        PhysicianPageFactory(parent=index, photo=wagtail_factories.ImageFactory())
    assert "photo_alt_text" in error.value.message_dict
    assert not PhysicianPage.objects.exists()


def test_photo_is_a_responsive_picture_with_its_description(client, index):
    physician = PhysicianPageFactory(
        parent=index, photo=wagtail_factories.ImageFactory(), photo_alt_text="Dr. Doe at her desk"
    )
    html = client.get(physician.url).content.decode()
    assert "<picture>" in html
    assert 'type="image/avif"' in html and 'type="image/webp"' in html
    assert 'alt="Dr. Doe at her desk"' in html


def test_listing_shows_each_live_physician_with_name_credentials_and_specialties(client, index):
    shown = PhysicianPageFactory(
        parent=index,
        title="Jane Shown",
        credentials="M.D.",
        short_name="Dr. Shown",
        specialties="Pain Management\nSports Medicine",
        photo=wagtail_factories.ImageFactory(),
        photo_alt_text="Dr. Shown in the clinic",
    )
    hidden = PhysicianPageFactory(parent=index, short_name="Dr. Hidden", live=False)
    html = client.get(index.url).content.decode()
    assert f'<a href="{shown.url}">Jane Shown, M.D.</a>' in html
    assert "<li>Pain Management</li>" in html and "<li>Sports Medicine</li>" in html
    assert 'alt="Dr. Shown in the clinic"' in html
    assert "Meet Dr. Shown" not in html  # the list is not a row of teasers
    assert hidden.short_name not in html


def test_the_demo_physician_has_a_neutral_placeholder_portrait_everywhere(client, demo):
    weber = PhysicianPage.objects.get(slug="thomas-weber", locale__language_code="en")
    assert weber.photo is not None and weber.photo_alt_text
    alt = f'alt="{weber.photo_alt_text}"'
    for url in [weber.url, "/physicians/", "/", "/blog/running-with-back-pain/"]:
        assert alt in client.get(url).content.decode(), url


def test_home_page_introduces_the_physicians(client, index):
    PhysicianPageFactory(parent=index, short_name="Dr. Home", summary="Sees runners.")
    html = client.get("/").content.decode()
    assert "Meet our physicians" in html
    assert "Meet Dr. Home" in html and "Sees runners." in html
