"""One JSON-LD graph per page (schema.org), with stable @ids so search engines join the nodes.

Every page's graph holds the clinic; a page type adds its own nodes by defining
`structured_data(self, request) -> list[dict]`. Apps enrich the clinic node (opening hours, say)
by registering an extension: a function (request, clinic: dict) -> None that adds keys.
"""

import json
from collections.abc import Callable

from django.conf import settings
from django.utils.safestring import mark_safe

from .models import PracticeSettings
from .site_memo import remember

_clinic_extensions: list[Callable] = []


def register_clinic_extension(extension: Callable) -> None:
    if extension not in _clinic_extensions:
        _clinic_extensions.append(extension)


def node_id(path: str, fragment: str) -> str:
    """A stable @id: the public URL of the thing plus a fragment naming its kind."""
    return f"{settings.SITE_URL}{path}#{fragment}"


CLINIC_ID = "/#clinic"


def clinic_id() -> str:
    return f"{settings.SITE_URL}{CLINIC_ID}"


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
    for extension in _clinic_extensions:
        extension(request, node)
    return node


def graph_for(request, page=None) -> dict:
    # The same clinic node on every page: kept between requests (website/site_memo.py), and
    # never changed after it is built.
    clinic = remember(
        request, "clinic-node", lambda: clinic_node(request, PracticeSettings.for_request(request))
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
