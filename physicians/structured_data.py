"""JSON-LD for physicians (schema.org IndividualPhysician), and stable @ids for any page.

Articles and other clinical pages name a physician as author or reviewer by the same @id the
physician's own page uses, so search engines join them into one person who practises at the clinic.
"""

from django.conf import settings

from website.structured_data import clinic_id, node_id


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
    return f"{settings.SITE_URL}{page_path(page, request)}"


def physician_reference(physician, request=None) -> dict:
    """A short node for graphs on other pages: enough to name the physician and join on @id."""
    return {
        "@type": "IndividualPhysician",
        "@id": page_node_id(physician, "physician", request),
        "name": physician.doctor_name,
        "url": page_public_url(physician, request),
        "practicesAt": {"@id": clinic_id()},
    }


def physician_node(physician, request=None, detailed: bool = False) -> dict:
    node = physician_reference(physician, request)
    if not detailed:
        return node
    if physician.credentials:
        node["honorificSuffix"] = physician.credentials
    if physician.summary:
        node["description"] = physician.summary
    if physician.photo:
        rendition = physician.photo.get_rendition("fill-600x600|format-jpeg")
        node["image"] = f"{settings.SITE_URL}{rendition.url}"
    if physician.accepting_new_patients is not None:
        node["isAcceptingNewPatients"] = physician.accepting_new_patients
    if physician.specialty_list:
        node["knowsAbout"] = physician.specialty_list
    if physician.language_list:
        node["knowsLanguage"] = physician.language_list
    if physician.hospital_affiliation_list:
        node["hospitalAffiliation"] = [
            {"@type": "Hospital", "name": name} for name in physician.hospital_affiliation_list
        ]
    credentials = [
        {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "Board certification",
            "name": name,
        }
        for name in physician.board_certification_list
    ]
    for entry in physician.education.all():
        credential = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": entry.get_kind_display(),
            "name": entry.name,
        }
        if entry.institution:
            credential["recognizedBy"] = {
                "@type": "EducationalOrganization",
                "name": entry.institution,
            }
        if entry.year:
            credential["dateCreated"] = str(entry.year)
        credentials.append(credential)
    if credentials:
        node["hasCredential"] = credentials
    return node


def physician_list_node(index_page, physicians, request=None) -> dict:
    return {
        "@type": "CollectionPage",
        "@id": page_node_id(index_page, "webpage", request),
        "name": index_page.title,
        "url": page_public_url(index_page, request),
        "about": {"@id": clinic_id()},
        "mainEntity": {
            "@type": "ItemList",
            "itemListElement": [
                {"@type": "ListItem", "position": position, "item": physician_reference(p, request)}
                for position, p in enumerate(physicians, start=1)
            ],
        },
    }
