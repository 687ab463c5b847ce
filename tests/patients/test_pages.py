"""The New patients page (sections, forms to print as PDFs, the insurance plans and the call to
action for a plan not listed), the questions page (FAQPage JSON-LD) and the demo's."""

import io
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from pypdf import PdfReader
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from patients.blocks import PrintableFormBlock
from patients.demo_pdf import form_pdf
from patients.models import InsurancePlan
from tests.website.test_structured_data import graph_of

from .factories import InsurancePlanFactory, NewPatientsPageFactory, QuestionsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _uploads_in_tmp(media_in_tmp):
    """Documents are written to a temporary MEDIA_ROOT."""


def pdf_document(title="Health history", name="history.pdf", content=None):
    document = get_document_model()(title=title)
    content = content if content is not None else form_pdf(title, ["Name"])
    document.file.save(name, ContentFile(content), save=False)
    document.file_size = len(content)
    document.save()
    return document


def test_new_patients_page_shows_sections_forms_and_plans(client, home_page):
    document = pdf_document()
    form = {"document": document, "title": "Health history", "description": "Bring it."}
    NewPatientsPageFactory(parent=home_page, forms=[("form", form)])
    InsurancePlanFactory(name="HMO plans", notes="Referral needed.")
    InsurancePlanFactory(name="Medicare")
    html = client.get("/new-patients/").content.decode()
    for text in [
        '<h2 id="what-to-bring">What to bring</h2>',
        '<h2 id="arriving">Arriving</h2>',
        '<h2 id="forms">Forms to print</h2>',
        f'<a href="{document.url}">Health history',
        "(PDF, ",
        '<h2 id="first-visit">Your first visit</h2>',
        '<h2 id="referrals">Referrals</h2>',
        "<li><strong>HMO plans</strong>: Referral needed.</li>",
        "<li><strong>Medicare</strong></li>",
        'Don\'t see your plan? Call us at <a href="tel:+13125550100">(312) 555-0100</a>',
    ]:
        assert text in html, text


def test_a_plan_saved_shows_at_once(client, home_page):
    NewPatientsPageFactory(parent=home_page)
    client.get("/new-patients/")
    InsurancePlanFactory(name="Workers' compensation")
    assert "Workers&#x27; compensation" in client.get("/new-patients/").content.decode()


def test_forms_to_print_must_be_pdfs(media_in_tmp):
    block = PrintableFormBlock()
    text = pdf_document(title="Notes", name="notes.txt", content=b"plain text")
    with pytest.raises(blocks.StructBlockValidationError):
        block.clean({"document": text, "title": "Notes", "description": ""})
    assert block.clean({"document": pdf_document(), "title": "History", "description": ""})


def test_demo_forms_are_real_pdfs():
    reader = PdfReader(io.BytesIO(form_pdf("Patient health history", ["Name", "Date (of) birth"])))
    text = reader.pages[0].extract_text()
    assert "Patient health history" in text and "Date (of) birth: ___" in text


def test_questions_page_is_a_faq_page(client, home_page, settings):
    settings.SITE_URL = "https://www.example-practice.com"
    QuestionsPageFactory(parent=home_page)
    response = client.get("/questions/")
    assert '<h2 class="faq__question">Do I need a referral?</h2>' in response.content.decode()
    [faq] = [node for node in graph_of(response)["@graph"] if node["@type"] == "FAQPage"]
    assert faq["@id"] == "https://www.example-practice.com/questions/#faq"
    assert faq["mainEntity"] == [
        {
            "@type": "Question",
            "name": "Do I need a referral?",
            "acceptedAnswer": {"@type": "Answer", "text": "Maybe."},
        }
    ]


def test_insurance_plans_are_edited_as_snippets(admin_client, db):
    InsurancePlanFactory(name="Medicare")
    html = admin_client.get("/admin/snippets/patients/insuranceplan/").content.decode()
    assert "Medicare" in html


def test_demo_pages_plans_and_pdf_forms(client, demo):
    html = client.get("/new-patients/").content.decode()
    assert "Don't see your plan?" in html and "Illinois Medicaid managed care plans" in html
    documents = get_document_model().objects.filter(title__in=["Patient health history"])
    assert [d.file_extension for d in documents] == ["pdf"]
    assert documents[0].file_size > 0
    assert "How long is the first visit?" in client.get("/questions/").content.decode()
    home = client.get("/").content.decode()
    assert '<li><a href="/new-patients/">New patients</a></li>' in home  # main navigation


def test_a_second_run_changes_nothing(demo):
    counts = (
        Page.objects.count(),
        Revision.objects.count(),
        InsurancePlan.objects.count(),
        get_document_model().objects.count(),
    )
    call_command("load_demo", stdout=StringIO())
    assert (
        Page.objects.count(),
        Revision.objects.count(),
        InsurancePlan.objects.count(),
        get_document_model().objects.count(),
    ) == counts


def test_patients_find_their_plan_without_javascript(client, home_page):
    NewPatientsPageFactory(parent=home_page)
    InsurancePlanFactory(name="Medicare Advantage plans")
    InsurancePlanFactory(name="HMO plans")
    response = client.get("/new-patients/?plan=medicare")
    html = response.content.decode()
    assert "Medicare Advantage plans" in html and "<strong>HMO plans</strong>" not in html
    assert "1 plan matches “medicare”." in html
    assert "X-Cache" not in response  # any text is a search: never cached
    html = client.get("/new-patients/?plan=acme").content.decode()
    assert "No plan in our list matches “acme”." in html
    assert "Don't see your plan? Call us at" in html
