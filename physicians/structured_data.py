"""JSON-LD for physicians (schema.org IndividualPhysician).

Articles and other clinical pages name a physician as author or reviewer by the same @id the
physician's own page uses, so search engines join them into one person who practises at the clinic.
"""

from django.conf import settings

from website.structured_data import clinic_id, page_node, page_node_id

# The fragment of an office's @id (locations/structured_data.py uses the same).
OFFICE_FRAGMENT = "clinic"


def physician_reference(physician, request=None) -> dict:
    """A short node for graphs on other pages: enough to name the physician and join on @id."""
    return page_node(
        physician,
        "IndividualPhysician",
        "physician",
        request,
        name=physician.doctor_name,
        practicesAt={"@id": clinic_id()},
    )


def physician_node(physician, request=None, detailed: bool = False, offices=()) -> dict:
    node = physician_reference(physician, request)
    if offices:
        # Where the physician sees patients: the offices' own MedicalClinic nodes.
        node["practicesAt"] = [{"@id": clinic_id()}] + [
            {"@id": page_node_id(office, OFFICE_FRAGMENT, request)} for office in offices
        ]
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
    return page_node(
        index_page,
        "CollectionPage",
        "webpage",
        request,
        name=index_page.title,
        about={"@id": clinic_id()},
        mainEntity={
            "@type": "ItemList",
            "itemListElement": [
                {"@type": "ListItem", "position": position, "item": physician_reference(p, request)}
                for position, p in enumerate(physicians, start=1)
            ],
        },
    )
