"""Conditions and treatments in JSON-LD: a reviewed MedicalWebPage whose main entity is a
MedicalCondition (signs, risk factors, the treatments offered) or a MedicalProcedure, and a
FAQPage for a treatment's questions; joined to the clinic and the reviewer by @id."""

from datetime import date

import pytest

from tests.physicians.factories import PhysicianIndexPageFactory, PhysicianPageFactory
from tests.website.test_structured_data import graph_of

from .factories import (
    ConditionIndexPageFactory,
    ConditionPageFactory,
    TreatmentPageFactory,
    publish,
)

pytestmark = pytest.mark.django_db
SITE = "https://www.example-practice.com"


def nodes_of(client, path: str) -> dict[str, dict]:
    graph = graph_of(client.get(path))["@graph"]
    by_type = {node["@type"]: node for node in graph}
    assert len(by_type) == len(graph), "one node of each type"
    return by_type


@pytest.fixture
def reviewer(home_page):
    physicians = PhysicianIndexPageFactory(parent=home_page)
    return PhysicianPageFactory(parent=physicians, slug="thomas-weber")


def test_condition_is_a_medical_condition_in_a_reviewed_page(client, home_page, settings, reviewer):
    settings.SITE_URL = SITE
    index = ConditionIndexPageFactory(parent=home_page)
    injections = TreatmentPageFactory(parent=index, title="Facet joint injections", slug="fji")
    TreatmentPageFactory(parent=index, title="Unpublished", slug="draft", live=False)
    condition = ConditionPageFactory(
        parent=index,
        title="Facet joint pain",
        slug="facet-joint-pain",
        reviewed_by=reviewer,
        last_reviewed=date(2026, 3, 2),
    )
    condition.treatments = [injections, *type(injections).objects.filter(slug="draft")]
    publish(condition)
    nodes = nodes_of(client, "/conditions-treatments/facet-joint-pain/")
    page, medical = nodes["MedicalWebPage"], nodes["MedicalCondition"]
    base = f"{SITE}/conditions-treatments/facet-joint-pain/"
    assert page["@id"] == f"{base}#webpage"
    assert page["mainEntity"] == page["about"] == {"@id": f"{base}#condition"}
    assert page["reviewedBy"] == {"@id": f"{SITE}/physicians/thomas-weber/#physician"}
    assert page["lastReviewed"] == "2026-03-02"
    assert page["publisher"] == {"@id": f"{SITE}/#clinic"}
    assert nodes["IndividualPhysician"]["@id"] == f"{SITE}/physicians/thomas-weber/#physician"
    assert medical == {
        "@type": "MedicalCondition",
        "@id": f"{base}#condition",
        "url": base,
        "name": "Facet joint pain",
        "description": "An aching back.",
        "signOrSymptom": [
            {"@type": "MedicalSignOrSymptom", "name": "Lower back pain"},
            {"@type": "MedicalSignOrSymptom", "name": "Stiffness in the morning"},
        ],
        "riskFactor": [{"@type": "MedicalRiskFactor", "name": "Overuse"}],
        # Only the live treatment.
        "possibleTreatment": [
            {
                "@type": "MedicalTherapy",
                "name": "Facet joint injections",
                "url": f"{SITE}/conditions-treatments/fji/",
            }
        ],
    }


def test_treatment_is_a_medical_procedure_with_its_questions(client, home_page, settings):
    settings.SITE_URL = SITE
    index = ConditionIndexPageFactory(parent=home_page)
    TreatmentPageFactory(parent=index, title="Facet joint injections", slug="fji")
    nodes = nodes_of(client, "/conditions-treatments/fji/")
    base = f"{SITE}/conditions-treatments/fji/"
    assert nodes["MedicalProcedure"] == {
        "@type": "MedicalProcedure",
        "@id": f"{base}#procedure",
        "url": base,
        "name": "Facet joint injections",
        "description": "A treatment that helps.",
        "howPerformed": "Under X-ray guidance.",
        "preparation": "Bring a driver.",
        "followup": "Little downtime.",
    }
    assert nodes["MedicalWebPage"]["mainEntity"] == {"@id": f"{base}#procedure"}
    assert "reviewedBy" not in nodes["MedicalWebPage"]
    assert nodes["FAQPage"] == {
        "@type": "FAQPage",
        "@id": f"{base}#faq",
        "url": base,
        "inLanguage": "en",
        "mainEntity": [
            {
                "@type": "Question",
                "name": "Does it hurt?",
                "acceptedAnswer": {"@type": "Answer", "text": "A little sting."},
            },
            {
                "@type": "Question",
                "name": "How long does it last?",
                "acceptedAnswer": {"@type": "Answer", "text": "Weeks to months."},
            },
        ],
    }


def test_a_treatment_without_questions_has_no_faq_node(client, home_page):
    index = ConditionIndexPageFactory(parent=home_page)
    TreatmentPageFactory(parent=index, slug="plain", faqs=[], on_the_day="")
    nodes = nodes_of(client, "/conditions-treatments/plain/")
    assert "FAQPage" not in nodes
    assert "howPerformed" not in nodes["MedicalProcedure"]
