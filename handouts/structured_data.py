"""A handout in JSON-LD: a MedicalWebPage about its conditions, published by the clinic, with
its sources as citations. The large-print version describes the same page (its canonical URL)."""

from django.conf import settings

from website.structured_data import clinic_id, node_id

from .pdf import web_path


def handout_nodes(page, request) -> list[dict]:
    path = web_path(page)
    node = {
        "@type": "MedicalWebPage",
        "@id": node_id(path, "webpage"),
        "url": f"{settings.SITE_URL}{path}",
        "name": page.seo_title or page.title,
        "description": page.search_description or page.summary,
        "inLanguage": "en-US",
        "publisher": {"@id": clinic_id()},
        "about": [
            {"@type": "MedicalCondition", "name": condition.name}
            for condition in page.conditions.all()
        ],
    }
    citations = [citation_node(block.value) for block in page.citations]
    if citations:
        node["citation"] = citations
    if page.last_published_at:
        node["dateModified"] = page.last_published_at.isoformat()
    return [node]


def citation_node(citation) -> dict:
    node = {"@type": "CreativeWork", "name": citation["title"], "url": citation["url"]}
    if citation["publisher"]:
        node["publisher"] = {"@type": "Organization", "name": citation["publisher"]}
    return node
