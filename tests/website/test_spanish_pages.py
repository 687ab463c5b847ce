"""Every public page type in Spanish, on the demo site, says nothing of its own in English.

The site's own words are the catalogue's (locale/es/LC_MESSAGES/django.po): each English phrase
of two words or more there is looked for in the Spanish pages' visible text, aria-labels and
alt texts, unless the content itself says it (pages copied into Spanish here keep their English
content until staff translate it, and that is not the site's doing). The header and footer are
also checked for single English words a Spanish page must never show there."""

import html
import json
import re

import polib
import pytest
from django.apps import apps
from django.forms.models import model_to_dict
from django.utils.html import strip_tags
from wagtail.models import Locale, Page

from appointments.models import AppointmentRequestPage
from blog.models import ArticlePage, BlogIndexPage
from conditions.models import ConditionIndexPage, ConditionPage, TreatmentPage
from handouts.models import HandoutIndexPage, HandoutPage
from hours.models import HolidayHoursPage
from locations.models import ContactPage, LocationIndexPage, LocationPage
from notices.models import NoticePage
from patients.models import NewPatientsPage, QuestionsPage
from physicians.models import PhysicianIndexPage, PhysicianPage
from website.catalogues import LOCALE_DIR

from .factories import translate

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    BlogIndexPage, ArticlePage, HandoutIndexPage, HandoutPage, HolidayHoursPage,
    AppointmentRequestPage, ConditionIndexPage, ConditionPage, TreatmentPage,
    LocationIndexPage, LocationPage, ContactPage, NoticePage, NewPatientsPage, QuestionsPage,
    PhysicianIndexPage, PhysicianPage,
]  # fmt: skip
CONTENT_APPS = {
    "website", "blog", "physicians", "hours", "locations", "conditions", "notices", "patients",
    "handouts", "appointments",
}  # fmt: skip
# Words the header, footer and banner write themselves: never in English on a Spanish page.
CHROME_WORDS = [
    "Search", "Request an appointment", "Call us", "Skip to main content", "Contact", "Phone",
    "Email", "Hours", "Closed", "Open now", "closes at", "Opens", "Get directions", "locations",
    "Holiday hours", "Regular weekly hours", "Privacy notice", "emergency", "today", "tomorrow",
    "AM", "PM", "noon", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]  # fmt: skip
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


def in_spanish(page: Page) -> Page:
    """The live Spanish version of `page`, translating it (and its parents first) when the
    demo has none: its content stays English, its chrome is the site's."""
    page = page.specific
    found = page.get_translations().filter(locale__language_code="es").live().first()
    if found is not None:
        return found.specific
    parent = page.get_parent()
    if parent.depth > 1:
        in_spanish(parent)
    return translate(page)


def visible_text(markup: str) -> str:
    """What a reader (or a screen reader) meets: the title, the body's text, and its aria-label,
    alt and title attributes."""
    title = re.search(r"<title>(.*?)</title>", markup, re.S)
    body = markup.split("<body", 1)[-1]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    attributes = re.findall(r'\b(?:aria-label|alt|title)="([^"]*)"', body)
    words = [title.group(1) if title else "", strip_tags(body), *attributes]
    return " ".join(html.unescape(" ".join(words)).split())


def content_corpus() -> str:
    """Everything editors wrote (pages, snippets, settings), as plain text."""
    parts = [
        json.dumps(page.serializable_data(), ensure_ascii=False, default=str)
        for page in Page.objects.specific()
    ]
    for model in apps.get_models():
        if model._meta.app_label in CONTENT_APPS and not issubclass(model, Page):
            parts += [str(model_to_dict(item)) for item in model.objects.all()]
    text = html.unescape(strip_tags(" ".join(parts)))
    return " ".join(text.replace("\\n", " ").replace('\\"', '"').split())


def site_phrases(corpus: str) -> list[str]:
    """The catalogue's English phrases of two words or more, less those the content says and
    those Spanish keeps as they are."""
    phrases = set()
    for entry in polib.pofile(str(LOCALE_DIR / "es" / "LC_MESSAGES" / "django.po")):
        spanish = " ".join([entry.msgstr, *entry.msgstr_plural.values()])
        for english in filter(None, [entry.msgid, entry.msgid_plural]):
            for part in PLACEHOLDER.split(html.unescape(strip_tags(english))):
                part = " ".join(part.split()).strip(" .,:;()“”")
                words = len(re.findall(r"[A-Za-z]{2,}", part))
                if words >= 2 and part not in spanish and part not in corpus:
                    phrases.add(part)
    return sorted(phrases)


def english_in(text: str, phrases: list[str]) -> list[str]:
    """Each phrase found, with the words around it (to find where the page says it)."""
    found = []
    for phrase in phrases:
        if match := re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text):
            found.append(f"{phrase}: …{text[max(0, match.start() - 40) : match.end() + 40]}…")
    return found


def region(markup: str, start: str, end: str) -> str:
    """The text of one part of the page, less its navigation (page titles: content)."""
    found = re.search(rf"{start}.*?{end}", markup, re.S)
    if found is None:
        return ""
    return visible_text("<body>" + re.sub(r"<nav\b.*?</nav>", " ", found.group(0), flags=re.S))


@pytest.fixture
def spanish_site(demo, client):
    """(address, expected status) of every public page type in Spanish, and what to look for."""
    english = Locale.objects.get(language_code="en")
    pages = {}
    for page_type in PAGE_TYPES:
        first = page_type.objects.live().filter(locale=english).order_by("path").first()
        assert first is not None, f"the demo has no {page_type.__name__}"
        pages[page_type] = in_spanish(first)
    handout = pages[HandoutPage].url
    form = pages[AppointmentRequestPage]
    addresses = [(page.url, 200) for page in pages.values()]
    addresses += [
        (in_spanish(Page.objects.get(depth=2, locale=english)).url, 200),
        (f"{handout}large-print/", 200),
        (form.url + form.reverse_subpage("thank_you"), 200),
        ("/es/search/?q=espalda", 200),
        ("/es/search/?q=zzzqqq", 200),
        ("/es/esta-pagina-no-existe/", 404),
    ]
    corpus = content_corpus()
    return addresses, site_phrases(corpus)


def test_no_spanish_page_shows_the_sites_own_words_in_english(client, spanish_site):
    addresses, phrases = spanish_site
    assert len(phrases) > 150  # the stop list is the catalogue, not a handful of words
    found = {}
    for url, status in addresses:
        response = client.get(url)
        assert response.status_code == status, url
        markup = response.content.decode()
        assert '<html lang="es">' in markup, url
        if english := english_in(visible_text(markup), phrases):
            found[url] = english
        chrome = " ".join(
            [
                region(markup, r'<header class="site-header"', "</header>"),
                region(markup, r'<footer class="site-footer"', "</footer>"),
                region(markup, r'<section class="site-notice"', "</section>"),
                region(markup, r'<a class="skip-link"', "</a>"),
            ]
        )
        if english := english_in(chrome, CHROME_WORDS):
            found[f"{url} (header, footer, banner)"] = english
    assert found == {}


@pytest.mark.parametrize(
    ("status", "spanish"),
    [
        (400, "No pudimos leer esa solicitud"),
        (413, "Era demasiado para enviar"),
        (500, "Algo salió mal de nuestro lado"),
    ],
)
def test_the_plain_error_pages_speak_the_addresss_language(rf, home_page, status, spanish):
    """The guard refuses a request before the language middleware runs: the address decides."""
    from website.views import refusal, server_error

    def page(path):
        request = rf.get(path)
        response = server_error(request) if status == 500 else refusal(request, status)
        return response.content.decode()

    in_spanish, in_english = page("/es/busqueda/"), page("/search/")
    assert '<html lang="es">' in in_spanish and spanish in in_spanish
    assert "En caso de emergencia, llame al 911." in in_spanish
    assert 'href="/es/"' in in_spanish  # the way home is to the Spanish home page
    assert '<html lang="en">' in in_english and "In an emergency, call 911." in in_english
