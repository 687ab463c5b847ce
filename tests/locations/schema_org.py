"""The part of the schema.org vocabulary (version 29) our offices' graphs use: each type with its
parents and the properties it adds, and the type each property's value must be. No copy of the
vocabulary is installed; these entries are copied from https://schema.org/<Type> by hand, so a
property or type that is not listed fails the check rather than passing unseen."""

import re

PARENTS = {
    "Thing": (),
    "Organization": ("Thing",),
    "Place": ("Thing",),
    "LocalBusiness": ("Organization", "Place"),
    "MedicalOrganization": ("Organization",),
    "MedicalBusiness": ("LocalBusiness",),
    "MedicalClinic": ("MedicalBusiness", "MedicalOrganization"),
    "StructuredValue": ("Thing",),
    "ContactPoint": ("StructuredValue",),
    "PostalAddress": ("ContactPoint",),
    "GeoCoordinates": ("StructuredValue",),
    "OpeningHoursSpecification": ("StructuredValue",),
    "CreativeWork": ("Thing",),
    "WebPage": ("CreativeWork",),
    "CollectionPage": ("WebPage",),
    "ContactPage": ("WebPage",),
    "ItemList": ("Thing",),
    "ListItem": ("Thing",),
}

PROPERTIES = {
    "Thing": {"name", "url", "description", "image", "sameAs"},
    "Organization": {
        "address", "telephone", "faxNumber", "email", "department", "parentOrganization",
        "member", "employee", "logo", "location",
    },
    "Place": {
        "address", "geo", "hasMap", "telephone", "faxNumber", "openingHoursSpecification",
        "specialOpeningHoursSpecification", "latitude", "longitude", "photo",
    },
    "LocalBusiness": {"openingHours", "priceRange", "paymentAccepted"},
    "MedicalOrganization": {"isAcceptingNewPatients", "medicalSpecialty"},
    "MedicalBusiness": set(),
    "MedicalClinic": {"availableService", "medicalSpecialty"},
    "StructuredValue": set(),
    "ContactPoint": {"telephone", "faxNumber", "email"},
    "PostalAddress": {
        "streetAddress", "addressLocality", "addressRegion", "postalCode", "addressCountry",
    },
    "GeoCoordinates": {"latitude", "longitude"},
    "OpeningHoursSpecification": {"dayOfWeek", "opens", "closes", "validFrom", "validThrough"},
    "CreativeWork": {"about", "mainEntity", "inLanguage"},
    "WebPage": set(),
    "CollectionPage": set(),
    "ContactPage": set(),
    "ItemList": {"itemListElement"},
    "ListItem": {"position", "item"},
}  # fmt: skip

# Properties whose value is a node of (a subtype of) this type.
RANGES = {
    "address": "PostalAddress",
    "geo": "GeoCoordinates",
    "openingHoursSpecification": "OpeningHoursSpecification",
    "specialOpeningHoursSpecification": "OpeningHoursSpecification",
    "department": "Organization",
    "parentOrganization": "Organization",
    "itemListElement": "ListItem",
    "mainEntity": "Thing",
    "about": "Thing",
    "item": "Thing",
}
DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
TIME = re.compile(r"^\d\d:\d\d$")
DATE = re.compile(r"^\d{4}-\d\d-\d\d$")


def ancestors(schema_type: str) -> set[str]:
    found = {schema_type}
    for parent in PARENTS[schema_type]:
        found |= ancestors(parent)
    return found


def is_a(schema_type: str, wanted: str) -> bool:
    return schema_type in PARENTS and wanted in ancestors(schema_type)


def problems(graph: dict) -> list[str]:
    """Everything in the graph that schema.org (as above) does not allow; [] when valid."""
    found: list[str] = []
    nodes = {node["@id"]: node for node in graph["@graph"] if "@id" in node}
    if graph.get("@context") != "https://schema.org":
        found.append("@context is not https://schema.org")
    for node in graph["@graph"]:
        _check(node, "@graph", nodes, found)
    return found


def _check(node, where: str, nodes: dict, found: list[str]) -> None:
    schema_type = node.get("@type")
    if schema_type is None:  # a reference: must name a node in the graph or a page's node
        if set(node) != {"@id"} or not str(node["@id"]).startswith("http"):
            found.append(f"{where}: a reference must be only an absolute @id, got {node}")
        return
    if schema_type not in PARENTS:
        found.append(f"{where}: unknown type {schema_type}")
        return
    allowed = set().union(*(PROPERTIES[t] for t in ancestors(schema_type)))
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in allowed:
            found.append(f"{where}: {schema_type} has no property {key}")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                referenced = nodes.get(item.get("@id")) if "@type" not in item else item
                wanted = RANGES.get(key)
                if wanted and referenced is not None and not is_a(referenced["@type"], wanted):
                    found.append(f"{where}.{key}: {referenced['@type']} is not {RANGES[key]}")
                _check(item, f"{where}.{key}", nodes, found)
    if schema_type == "OpeningHoursSpecification":
        for day in node.get("dayOfWeek", []):
            if day not in DAYS:
                found.append(f"{where}: {day} is not a day of the week")
        for key in ("opens", "closes"):
            if not TIME.match(node.get(key, "")):
                found.append(f"{where}: {key} must be HH:MM")
        for key in ("validFrom", "validThrough"):
            if key in node and not DATE.match(node[key]):
                found.append(f"{where}: {key} must be a date")
    numbers = all(isinstance(node.get(k), float) for k in ("latitude", "longitude"))
    if schema_type == "GeoCoordinates" and not numbers:
        found.append(f"{where}: latitude and longitude must be numbers")
