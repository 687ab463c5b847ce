import pytest

from tests.website.test_structured_data import graph_of
from website.structured_data import clinic_id

from .factories import PhysicianIndexPageFactory, PhysicianPageFactory, education

pytestmark = pytest.mark.django_db


def test_profile_is_an_individual_physician_practising_at_the_clinic(client, home_page, settings):
    settings.SITE_URL = "https://www.example-practice.com"
    index = PhysicianIndexPageFactory(parent=home_page)
    physician = PhysicianPageFactory(
        parent=index,
        title="Thomas J. Weber, Jr.",
        slug="thomas-weber",
        credentials="D.O.",
        board_certifications="Anesthesiology and Pain Management",
        languages="English",
        education=[
            education(
                name="Doctor of Osteopathic Medicine (D.O.)",
                institution="Kirksville College of Osteopathic Medicine",
            )
        ],
    )
    graph = graph_of(client.get(physician.url))
    [node] = [n for n in graph["@graph"] if n["@type"] == "IndividualPhysician"]
    assert node["@id"] == "https://www.example-practice.com/physicians/thomas-weber/#physician"
    assert node["practicesAt"] == {"@id": clinic_id()}
    assert clinic_id() in {n["@id"] for n in graph["@graph"]}
    assert node["name"] == "Dr. Thomas J. Weber, Jr."
    assert node["knowsLanguage"] == ["English"]
    degree = next(c for c in node["hasCredential"] if c["credentialCategory"] == "Degree")
    assert degree["recognizedBy"]["name"] == "Kirksville College of Osteopathic Medicine"
    assert any(c["name"] == "Anesthesiology and Pain Management" for c in node["hasCredential"])


def test_listing_names_each_physician_by_the_same_id(client, home_page):
    index = PhysicianIndexPageFactory(parent=home_page)
    physician = PhysicianPageFactory(parent=index, slug="jane")
    graph = graph_of(client.get(index.url))
    [listing] = [n for n in graph["@graph"] if n["@type"] == "CollectionPage"]
    [item] = listing["mainEntity"]["itemListElement"]
    assert item["item"]["@id"].endswith(f"{physician.url}#physician")
