"""One JSON-LD graph per page (schema.org), with stable @ids so search engines join the nodes.

Every page's graph holds the clinic; a page type adds its own nodes by defining
`structured_data(self, request) -> list[dict]`. Apps enrich the clinic node (opening hours, say)
through a Wagtail hook named CLINIC_STRUCTURED_DATA_HOOK, registered in their wagtail_hooks.py:
a function (request, clinic: dict) -> None that adds keys.

A node about a page starts with `page_node(page, "Blog", "blog", request, ...)`; a node on one
page names a node on another by `{"@id": page_node_id(other_page, "physician", request)}`.
"""

import json

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from wagtail import hooks

from .models import PracticeSettings
from .page_serving import locale_languages
from .site_memo import remember

CLINIC_STRUCTURED_DATA_HOOK = "practice_clinic_structured_data"


def node_id(path: str, fragment: str) -> str:
    """A stable @id: the public URL of the thing plus a fragment naming its kind."""
    return f"{settings.SITE_URL}{path}#{fragment}"


CLINIC_ID = "/#clinic"


def clinic_id() -> str:
    return f"{settings.SITE_URL}{CLINIC_ID}"


def page_path(page, request=None) -> str:
    """The page's path on its site ('/physicians/thomas-weber/'), for @ids and public URLs.
    A graph names the same page several times: worked out once per page object."""
    if "_structured_data_path" not in page.__dict__:
        parts = page.get_url_parts(request)
        page._structured_data_path = parts[2] if parts else page.url_path
    return page._structured_data_path


def page_node_id(page, fragment: str, request=None) -> str:
    return node_id(page_path(page, request), fragment)


def page_public_url(page, request=None) -> str:
    """The address patients use (SITE_URL), whatever host name the request came in on."""
    return f"{settings.SITE_URL}{page_path(page, request)}"


# The schema.org types of our nodes that are the page itself (CreativeWorks): each says the
# language it is written in. The things pages are about (a physician, an office, a condition)
# have no language.
PAGE_TYPES = {
    "WebPage",
    "MedicalWebPage",
    "CollectionPage",
    "ContactPage",
    "FAQPage",
    "Blog",
    "BlogPosting",
}


def page_language(page) -> str:
    """The page's language as `<html lang>` and hreflang give it ("en", "es")."""
    return locale_languages().get(page.locale_id, settings.LANGUAGE_CODE)


def page_node(page, schema_type: str, fragment: str, request=None, **properties) -> dict:
    """A node about a page, starting as every such node does: its schema.org type, its stable
    @id (the page's public URL + `fragment`) and its public URL (and, for the page itself, its
    language); then `properties`."""
    node = {
        "@type": schema_type,
        "@id": page_node_id(page, fragment, request),
        "url": page_public_url(page, request),
    }
    if schema_type in PAGE_TYPES:
        node["inLanguage"] = page_language(page)
    return {**node, **properties}


def clinic_node(request, practice: PracticeSettings) -> dict:
    node = {
        "@type": "MedicalClinic",
        "@id": clinic_id(),
        "name": practice.name,
        "url": f"{settings.SITE_URL}/",
    }
    if practice.phone:
        node["telephone"] = practice.phone_href.removeprefix("tel:") or practice.phone
    if practice.street_address:
        node["address"] = {
            "@type": "PostalAddress",
            "streetAddress": practice.street_address,
            "addressLocality": practice.locality,
            "addressRegion": practice.region,
            "postalCode": practice.postal_code,
            "addressCountry": "US",
        }
    if practice.map_url:
        node["hasMap"] = practice.map_url
    for add_to_clinic in hooks.get_hooks(CLINIC_STRUCTURED_DATA_HOOK):
        add_to_clinic(request, node)
    return node


def graph_for(request, page=None) -> dict:
    # The same clinic node on every page: kept between requests (website/site_memo.py), and
    # never changed after it is built.
    clinic = remember(
        request,
        "clinic-node",
        lambda: clinic_node(request, PracticeSettings.for_request(request)),
        survives_page_changes=True,
    )
    nodes = [clinic]
    if page is not None and hasattr(page, "structured_data"):
        nodes.extend(page.structured_data(request))
    return {"@context": "https://schema.org", "@graph": nodes}


def render_graph(graph: dict) -> str:
    """A <script type="application/ld+json"> block; '<', '>' and '&' escaped so no text in the
    data can close the script element. Data blocks are not executed, so CSP does not apply."""
    text = json.dumps(graph, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def faq_page_node(page, faq_stream, request=None) -> dict | None:
    """A FAQPage node for a page's questions (a StreamField of website.blocks.FAQBlock), or None
    when it has none. Answers are plain text: schema.org allows markup, search engines strip it."""
    questions = [
        {
            "@type": "Question",
            "name": block.value["question"],
            "acceptedAnswer": {
                "@type": "Answer",
                "text": " ".join(strip_tags(block.value["answer"].source).split()),
            },
        }
        for block in faq_stream
        if block.block_type == "faq"
    ]
    if not questions:
        return None
    return page_node(page, "FAQPage", "faq", request, mainEntity=questions)
