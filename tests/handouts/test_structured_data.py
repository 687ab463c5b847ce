"""A handout's JSON-LD: a MedicalWebPage about its conditions, citing its sources, reviewed by a
physician (the shared medical review), joined to the clinic and the physician by @id."""

from datetime import date

import pytest

from tests.physicians.factories import PhysicianIndexPageFactory, PhysicianPageFactory
from tests.website.test_structured_data import graph_of

from .factories import ConditionFactory, handout_site

pytestmark = pytest.mark.django_db


def test_handout_is_a_reviewed_medical_web_page(client, home_page, settings):
    settings.SITE_URL = "https://www.example-practice.com"
    physicians = PhysicianIndexPageFactory(parent=home_page)
    reviewer = PhysicianPageFactory(parent=physicians, slug="thomas-weber")
    handout_site(
        home_page,
        slug="facet-program",
        conditions=[ConditionFactory(name="Facet joint pain")],
        reviewed_by=reviewer,
        last_reviewed=date(2026, 3, 2),
    )
    for path in ["/handouts/facet-program/", "/handouts/facet-program/large-print/"]:
        graph = graph_of(client.get(path))["@graph"]
        [page] = [node for node in graph if node["@type"] == "MedicalWebPage"]
        assert page["@id"] == "https://www.example-practice.com/handouts/facet-program/#webpage"
        assert page["url"] == "https://www.example-practice.com/handouts/facet-program/"
        assert page["description"] == "Gentle exercises for a sore back."
        assert page["about"] == [{"@type": "MedicalCondition", "name": "Facet joint pain"}]
        assert page["publisher"] == {"@id": "https://www.example-practice.com/#clinic"}
        assert page["lastReviewed"] == "2026-03-02"
        physician_id = "https://www.example-practice.com/physicians/thomas-weber/#physician"
        assert page["reviewedBy"] == {"@id": physician_id}
        assert any(node["@id"] == physician_id for node in graph)
        assert page["citation"][0] == {
            "@type": "CreativeWork",
            "name": "Lumbosacral Facet Syndrome",
            "url": "https://www.ncbi.nlm.nih.gov/books/NBK441906/",
            "publisher": {"@type": "Organization", "name": "StatPearls, NCBI Bookshelf"},
        }
        assert "publisher" not in page["citation"][1]


def test_unreviewed_handout_claims_no_review(client, home_page):
    handout = handout_site(home_page)
    graph = graph_of(client.get(handout.url))["@graph"]
    [page] = [node for node in graph if node["@type"] == "MedicalWebPage"]
    assert "reviewedBy" not in page and "lastReviewed" not in page
    assert "Medically reviewed by" not in client.get(handout.url).content.decode()
