"""The offices in schema.org terms: each a MedicalClinic, part of the practice (the
MedicalOrganization every page's graph carries at /#clinic), with its address, geo position,
phone, fax, regular and special opening hours.

An office's @id is its page's public URL + "#clinic", as stable as the page's address; the
practice node lists them under `department`, a physician's node names them in `practicesAt`.
"""

from datetime import datetime

from django.conf import settings

from hours.schedule import Schedule
from hours.structured_data import opening_hours_specification, special_opening_hours_specification
from physicians.structured_data import OFFICE_FRAGMENT
from website.structured_data import clinic_id, page_node, page_node_id


def office_id(office, request=None) -> str:
    return page_node_id(office, OFFICE_FRAGMENT, request)


def office_reference(office, request=None) -> dict:
    return {"@type": "MedicalClinic", "@id": office_id(office, request), "name": office.title}


def office_node(office, schedule: Schedule, now: datetime, request=None, physicians=()) -> dict:
    node = page_node(
        office,
        "MedicalClinic",
        OFFICE_FRAGMENT,
        request,
        name=office.title,
        parentOrganization={"@id": clinic_id()},
        address={
            "@type": "PostalAddress",
            "streetAddress": office.street_address,
            "addressLocality": office.locality,
            "addressRegion": office.region,
            "postalCode": office.postal_code,
            "addressCountry": "US",
        },
        hasMap=office.directions_url,
    )
    if office.phone:
        node["telephone"] = office.phone_href.removeprefix("tel:") or office.phone
    if office.fax:
        node["faxNumber"] = office.fax
    if office.has_geo:
        node["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(office.latitude),
            "longitude": float(office.longitude),
        }
    if regular := opening_hours_specification(schedule):
        node["openingHoursSpecification"] = regular
    if special := special_opening_hours_specification(schedule.upcoming(now)):
        node["specialOpeningHoursSpecification"] = special
    if office.map_image_id:
        rendition = office.map_image.get_rendition("width-1200|format-jpeg")
        node["image"] = f"{settings.SITE_URL}{rendition.url}"
    if physicians:
        node["member"] = [{"@id": page_node_id(p, "physician", request)} for p in physicians]
    return node


def practice_with_offices(clinic: dict, offices, request=None) -> None:
    """The practice becomes the organization its offices belong to: their addresses and hours
    are on them, not on the practice."""
    clinic["@type"] = "MedicalOrganization"
    for key in (
        "address",
        "hasMap",
        "openingHoursSpecification",
        "specialOpeningHoursSpecification",
    ):
        clinic.pop(key, None)
    clinic["department"] = [office_reference(office, request) for office in offices]
