"""Staff see which translations are older than their English page."""

import pytest
from wagtail_localize.models import TranslationSource

from tests.website.factories import StandardPageFactory, translate
from translations.status import stale_translations

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_page):
    translate(home_page, title="Inicio")
    return StandardPageFactory(parent=home_page, title="About us", slug="about")


def republish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_a_fresh_translation_is_up_to_date(about):
    translate(about, title="Sobre nosotros")
    assert stale_translations() == []


def test_publishing_the_english_page_again_makes_its_translation_out_of_date(about):
    spanish = translate(about, title="Sobre nosotros")
    republish(about, intro="We moved to a new building.")
    [entry] = stale_translations()
    assert (entry.page_id, entry.language, entry.english_title) == (spanish.pk, "es", "About us")
    assert entry.english_published > entry.translated_from


def test_syncing_the_translation_brings_it_up_to_date(about):
    translate(about, title="Sobre nosotros")
    republish(about, intro="We moved to a new building.")
    source = TranslationSource.objects.get_for_instance(about)
    source.update_from_db()  # what "Sync translated pages" does
    assert stale_translations() == []


def test_a_draft_change_to_the_english_page_is_not_yet_a_difference(about):
    translate(about, title="Sobre nosotros")
    about.intro = "Not published yet."
    about.save_revision()
    assert stale_translations() == []


def test_the_dashboard_lists_them_with_links_to_edit(admin_client, about):
    spanish = translate(about, title="Sobre nosotros")
    republish(about, intro="We moved to a new building.")
    page = admin_client.get("/admin/").content.decode()
    assert "1 Español page is older than its English page" in page
    assert f'href="/admin/pages/{spanish.pk}/edit/"' in page
    republish(about)  # still one page, however often the English page changes
    assert admin_client.get("/admin/").content.decode().count("Sobre nosotros") == 1


def test_the_dashboard_says_when_everything_is_up_to_date(admin_client, about):
    translate(about, title="Sobre nosotros")
    assert "Every translated page is up to date" in admin_client.get("/admin/").content.decode()
