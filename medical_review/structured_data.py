"""JSON-LD for reviewed pages: a schema.org MedicalWebPage carrying reviewedBy and lastReviewed.

schema.org puts `reviewedBy` and `lastReviewed` on WebPage, so a page type returns this node and,
if it has one, its main thing (a BlogPosting, say) linked through `main_entity`:

    def structured_data(self, request):
        article = {...}
        return [*medical_web_page_nodes(self, request, main_entity=article), article]
"""

from physicians.structured_data import physician_reference
from website.structured_data import page_node, page_node_id


def review_properties(page, request=None) -> dict:
    """The review keys for any WebPage node; empty when the page has not been reviewed."""
    if not page.is_medically_reviewed:
        return {}
    return {
        "reviewedBy": {"@id": page_node_id(page.reviewed_by, "physician", request)},
        "lastReviewed": page.last_reviewed.isoformat(),
    }


def medical_web_page_nodes(page, request=None, main_entity: dict | None = None) -> list[dict]:
    """The page's MedicalWebPage node, plus the reviewing physician's node when there is one."""
    node = page_node(
        page,
        "MedicalWebPage",
        "webpage",
        request,
        name=page.seo_title or page.title,
        **review_properties(page, request),
    )
    if page.search_description:
        node["description"] = page.search_description
    if main_entity is not None:
        node["mainEntity"] = {"@id": main_entity["@id"]}
    nodes = [node]
    if page.is_medically_reviewed:
        nodes.append(physician_reference(page.reviewed_by, request))
    return nodes
