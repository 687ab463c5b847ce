"""A handout in JSON-LD: the shared MedicalWebPage node (with reviewedBy and lastReviewed once a
physician has reviewed it), about its conditions, published by the clinic, citing its sources.
The large-print version describes the same page: its @id and URL are the standard version's."""

from medical_review.structured_data import medical_web_page_nodes
from website.structured_data import clinic_id


def handout_nodes(page, request) -> list[dict]:
    node, *reviewer = medical_web_page_nodes(page, request)
    node.update(
        description=page.search_description or page.summary,
        publisher={"@id": clinic_id()},
        about=[
            {"@type": "MedicalCondition", "name": condition.name}
            for condition in page.condition_list
        ],
    )
    citations = [citation_node(block.value) for block in page.citations]
    if citations:
        node["citation"] = citations
    if page.last_published_at:
        node["dateModified"] = page.last_published_at.isoformat()
    return [node, *reviewer]


def citation_node(citation) -> dict:
    node = {"@type": "CreativeWork", "name": citation["title"], "url": citation["url"]}
    if citation["publisher"]:
        node["publisher"] = {"@type": "Organization", "name": citation["publisher"]}
    return node
