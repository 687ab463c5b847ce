"""A condition page translated into Spanish links to the Spanish handouts, and back."""

from wagtail.models import Locale

from conditions.models import ConditionIndexPage, ConditionPage
from handouts.models import HandoutPage
from tests.website.factories import translate


def test_a_translated_condition_page_links_the_handouts_in_its_language(demo):
    english = ConditionPage.objects.get(slug="facet-joint-pain")
    translate(ConditionIndexPage.objects.get(locale=Locale.get_default()), title="A-Z")
    spanish = translate(english, title="Dolor de las articulaciones facetarias")
    assert spanish.handout_condition_id is None  # the one-to-one link stays with the English page
    english_handout = HandoutPage.objects.get(locale__language_code="en")
    spanish_handout = HandoutPage.objects.get(locale__language_code="es")
    assert ConditionPage.objects.get(pk=english.pk).self_care_handouts == [english_handout]
    assert ConditionPage.objects.get(pk=spanish.pk).self_care_handouts == [spanish_handout]
    assert [page.pk for page in english_handout.condition_pages] == [english.pk]


def test_a_translated_condition_page_is_served_with_its_handouts(client, demo):
    english = ConditionPage.objects.get(slug="facet-joint-pain")
    translate(ConditionIndexPage.objects.get(locale=Locale.get_default()), title="A-Z")
    spanish = translate(english, title="Dolor de las articulaciones facetarias")
    spanish_handout = HandoutPage.objects.get(locale__language_code="es")
    page = client.get(spanish.url).content.decode()
    assert spanish_handout.url in page
    handout = client.get(spanish_handout.url).content.decode()
    assert spanish.url in handout
