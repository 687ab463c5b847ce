"""Physicians and offices: each physician's page lists where they see patients, each office's
page lists its physicians; drafts and other offices stay out."""

import pytest

from tests.physicians.factories import PhysicianIndexPageFactory, PhysicianPageFactory

from .factories import LocationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice(home_page, locations_page):
    physicians = PhysicianIndexPageFactory(parent=home_page)
    downtown = LocationPageFactory(parent=locations_page, title="Downtown Chicago", slug="downtown")
    oak_park = LocationPageFactory(parent=locations_page, title="Oak Park", slug="oak-park")
    weber = PhysicianPageFactory(
        parent=physicians, title="Thomas J. Weber", slug="thomas-weber", short_name="Dr. Weber"
    )
    weber.locations.set([downtown, oak_park])
    weber.save_revision().publish()
    lee = PhysicianPageFactory(
        parent=physicians, title="Ann Lee", slug="ann-lee", short_name="Dr. Lee"
    )
    lee.locations.set([downtown])
    lee.save_revision().publish()
    draft = PhysicianPageFactory(
        parent=physicians, slug="draft", short_name="Dr. Draft", live=False
    )
    draft.locations.set([oak_park])
    draft.save()
    return {"downtown": downtown, "oak_park": oak_park}


def test_a_physician_page_lists_where_they_see_patients(client, practice):
    html = client.get("/physicians/thomas-weber/").content.decode()
    assert "Where Dr. Weber sees patients" in html
    assert html.index('href="/locations/downtown/"') < html.index('href="/locations/oak-park/"')
    lee = client.get("/physicians/ann-lee/").content.decode()
    assert 'href="/locations/downtown/"' in lee and 'href="/locations/oak-park/"' not in lee


def test_an_office_page_lists_its_physicians(client, practice):
    downtown = client.get("/locations/downtown/").content.decode()
    assert "Physicians at this office" in downtown
    assert "Meet Dr. Weber" in downtown and "Meet Dr. Lee" in downtown
    oak_park = client.get("/locations/oak-park/").content.decode()
    assert "Meet Dr. Weber" in oak_park
    assert "Dr. Lee" not in oak_park and "Dr. Draft" not in oak_park
