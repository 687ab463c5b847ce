"""Conditions and treatments in JSON-LD. Each page is a MedicalWebPage (with the medical review)
whose main entity is the thing itself: a MedicalCondition (its signs and symptoms, risk factors
and the treatments we offer as possible treatments) or a MedicalProcedure; a treatment page's
questions are also a FAQPage."""

from django.utils.html import strip_tags

from medical_review.structured_data import medical_web_page_nodes
from website.structured_data import clinic_id, faq_page_node, page_node, page_public_url


def plain(rich_text) -> str:
    return " ".join(strip_tags(str(rich_text)).split())


def item_name(item) -> str:
    """A symptom or cause's name: its bold term, or its text when it has none."""
    return item["term"] or item["text"]


def _main_entity(page, schema_type: str, fragment: str, request, **properties) -> dict:
    node = page_node(page, schema_type, fragment, request, name=page.title, **properties)
    node["description"] = page.summary
    return node


def _with_page(page, entity: dict, request) -> list[dict]:
    nodes = medical_web_page_nodes(page, request, main_entity=entity)
    nodes[0].update(
        description=page.search_description or page.summary,
        publisher={"@id": clinic_id()},
        about={"@id": entity["@id"]},
    )
    if page.last_published_at:
        nodes[0]["dateModified"] = page.last_published_at.isoformat()
    return [nodes[0], entity, *nodes[1:]]


def condition_nodes(page, request=None) -> list[dict]:
    condition = _main_entity(page, "MedicalCondition", "condition", request)
    symptoms = [item_name(block.value) for block in page.symptoms]
    if symptoms:
        condition["signOrSymptom"] = [
            {"@type": "MedicalSignOrSymptom", "name": name} for name in symptoms
        ]
    risks = [item_name(block.value) for block in page.causes]
    if risks:
        condition["riskFactor"] = [{"@type": "MedicalRiskFactor", "name": name} for name in risks]
    treatments = [
        {"@type": "MedicalTherapy", "name": t.title, "url": page_public_url(t, request)}
        for t in page.treatments_offered
    ]
    if treatments:
        condition["possibleTreatment"] = treatments
    return _with_page(page, condition, request)


def treatment_nodes(page, request=None) -> list[dict]:
    procedure = _main_entity(page, "MedicalProcedure", "procedure", request)
    for key, field in [
        ("howPerformed", "on_the_day"),
        ("preparation", "how_to_prepare"),
        ("followup", "recovery"),
    ]:
        if text := plain(getattr(page, field)):
            procedure[key] = text
    nodes = _with_page(page, procedure, request)
    faq = faq_page_node(page, page.faqs, request)
    return [*nodes, faq] if faq else nodes
