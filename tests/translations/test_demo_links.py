"""What the Spanish demo pages link to: pages in Spanish, the office's address as in English, and
no redirects from addresses that never existed."""

import re
from datetime import date, timedelta

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale

from conditions.models import ConditionPage, TreatmentPage
from locations.models import LocationPage
from physicians.models import PhysicianPage
from tests.conditions.factories import TreatmentPageFactory, publish
from tests.hours.factories import ClosureFactory
from tests.website.factories import StandardPageFactory, translate
from translations.demo import forget_redirects_to, translate_page, untranslated_segments


def spanish(page):
    return page.get_translation(Locale.objects.get(language_code="es")).specific


def main_links(html: str) -> set[str]:
    main = html[html.index("<main") : html.index("</main>")]
    return set(re.findall(r'href="(/[^"]*)"', main))


def test_a_spanish_office_is_the_same_place_with_its_own_words(demo):
    english = LocationPage.objects.get(slug="downtown")
    office = spanish(english)
    shared = ["street_address", "locality", "region", "postal_code", "phone", "fax"]
    assert [getattr(office, name) for name in shared] == [getattr(english, name) for name in shared]
    assert list(office.weekly_hours.values_list("weekday", "opens", "closes")) == list(
        english.weekly_hours.values_list("weekday", "opens", "closes")
    )
    assert office.title == "Centro de Chicago" and office.parking != english.parking


def test_a_closure_ticked_for_an_office_shows_on_its_spanish_page_too(client, demo):
    english = LocationPage.objects.get(slug="downtown")
    ClosureFactory(
        label="Staff training day", start_date=date.today() + timedelta(days=3), offices=[english]
    )
    assert "Staff training day" in client.get(english.url).content.decode()
    assert "Staff training day" in client.get(spanish(english).url).content.decode()
    # The holiday hours page says which office it is for, in each language's words.
    assert "Downtown Chicago only" in client.get("/holiday-hours/").content.decode()
    html = client.get("/es/horario-dias-festivos/").content.decode()
    spanish_hours = html[html.index("<main") : html.index("</main>")]
    assert "Staff training day" in spanish_hours and "Downtown Chicago" not in spanish_hours


def test_spanish_physician_and_office_pages_link_each_other_in_spanish(client, demo):
    weber = spanish(PhysicianPage.objects.get(slug="thomas-weber", locale__language_code="en"))
    english_offices = LocationPage.objects.filter(locale__language_code="en")
    offices = {spanish(office).url for office in english_offices}
    links = main_links(client.get(weber.url).content.decode())
    assert offices <= links
    assert not {link for link in links if link.startswith("/locations/")}
    for url in offices:
        assert weber.url in main_links(client.get(url).content.decode()), url


def test_spanish_condition_pages_link_spanish_treatments_physicians_and_articles(client, demo):
    page = client.get("/es/afecciones-y-tratamientos/dolor-articulaciones-facetarias/")
    links = main_links(page.content.decode())
    assert "/es/afecciones-y-tratamientos/inyecciones-articulaciones-facetarias/" in links
    assert "/es/medicos/thomas-weber/" in links
    assert "/es/blog/correr-con-dolor-de-espalda/" in links
    assert not {link for link in links if link.startswith("/conditions-treatments/")}
    treatment = client.get("/es/afecciones-y-tratamientos/inyecciones-articulaciones-facetarias/")
    assert "/es/afecciones-y-tratamientos/dolor-articulaciones-facetarias/" in main_links(
        treatment.content.decode()
    )


def test_the_spanish_article_links_its_spanish_condition_page(client, demo):
    article = client.get("/es/blog/correr-con-dolor-de-espalda/").content.decode()
    links = main_links(article)
    assert "/es/afecciones-y-tratamientos/dolor-articulaciones-facetarias/" in links
    assert not {link for link in links if link.startswith("/conditions-treatments/")}


def test_a_spanish_page_shows_a_link_in_english_while_it_has_no_live_translation(client, demo):
    """Each link once, in Spanish where it is translated, else the English page, in its place."""
    facet = ConditionPage.objects.get(slug="facet-joint-pain")
    injections = TreatmentPage.objects.get(slug="facet-joint-injections")
    untranslated = TreatmentPageFactory(parent=facet.get_parent(), title="Radiofrequency ablation")
    facet.treatments.add(untranslated)
    publish(facet)
    spanish_facet = spanish(facet)
    spanish_facet.treatments.set(facet.treatments.all())  # as wagtail-localize's sync copies them
    publish(spanish_facet)
    html = client.get(spanish_facet.url).content.decode()
    assert untranslated.url in main_links(html)
    assert spanish(injections).url in main_links(html) and injections.url not in main_links(html)
    assert html.count(f'href="{spanish(injections).url}"') == html.count(
        f'href="{untranslated.url}"'
    )

    spanish(injections).unpublish()
    html = client.get(spanish_facet.url).content.decode()
    assert injections.url in main_links(html)


def test_spanish_office_lists_show_the_spanish_offices(client, demo):
    """/es/ubicaciones/, /es/contacto/ and /es/horario-dias-festivos/ list the offices (kept by
    the worker per language) in Spanish, each with its English page's hours."""
    offices = [
        spanish(office) for office in LocationPage.objects.filter(locale__language_code="en")
    ]
    for url in ["/es/ubicaciones/", "/es/contacto/", "/es/horario-dias-festivos/"]:
        links = main_links(client.get(url).content.decode())
        assert {office.url for office in offices} <= links, url
        assert not {link for link in links if link.startswith("/locations/")}, url


def test_english_pages_list_only_english_pages_that_link_them(client, demo):
    page = client.get("/conditions-treatments/facet-joint-injections/").content.decode()
    assert "Dolor de las articulaciones facetarias" not in page
    office = client.get("/locations/downtown/").content.decode()
    assert "/es/medicos/" not in office


@pytest.mark.django_db
def test_translating_leaves_no_redirect_from_the_english_slug(
    home_page, django_capture_on_commit_callbacks
):
    translate(home_page, title="Inicio")
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    words = {text: f"{text} (es)" for text in untranslated_segments(about, {})}
    words["about"] = "sobre-nosotros"
    with django_capture_on_commit_callbacks(execute=True):
        spanish_about = translate_page(about, Locale.objects.get(language_code="es"), words)
        forget_redirects_to([spanish_about.pk])
    assert spanish_about.slug == "sobre-nosotros"
    assert not Redirect.objects.filter(redirect_page=spanish_about).exists()
