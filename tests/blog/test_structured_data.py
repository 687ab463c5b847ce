"""Article JSON-LD: a MedicalWebPage saying who reviewed it and when, about a BlogPosting by a
physician who practises at the clinic, all joined by stable @ids."""

from datetime import date

import pytest

from tests.physicians.factories import PhysicianIndexPageFactory, PhysicianPageFactory
from tests.website.test_structured_data import graph_of
from website.structured_data import clinic_id

from .factories import ArticlePageFactory, BlogIndexPageFactory, tag

pytestmark = pytest.mark.django_db

SITE = "https://www.example-practice.com"


@pytest.fixture
def blog(home_page, settings):
    settings.SITE_URL = SITE
    return BlogIndexPageFactory(parent=home_page)


def nodes_by_type(response) -> dict:
    return {node["@type"]: node for node in graph_of(response)["@graph"]}


def test_reviewed_article_names_reviewer_author_and_clinic(client, home_page, blog):
    index = PhysicianIndexPageFactory(parent=home_page)
    weber = PhysicianPageFactory(parent=index, title="Thomas J. Weber, Jr.", slug="thomas-weber")
    article = tag(
        ArticlePageFactory(
            parent=blog,
            slug="running-with-back-pain",
            title="Running with Back Pain",
            date=date(2025, 3, 4),
            author=weber,
            staff_author="",
            reviewed_by=weber,
            last_reviewed=date(2025, 3, 1),
        ),
        "running",
    )
    nodes = nodes_by_type(client.get(article.url))
    webpage, posting = nodes["MedicalWebPage"], nodes["BlogPosting"]
    weber_id = f"{SITE}/physicians/thomas-weber/#physician"
    assert webpage["@id"] == f"{SITE}/blog/running-with-back-pain/#webpage"
    assert webpage["reviewedBy"] == {"@id": weber_id}
    assert webpage["lastReviewed"] == "2025-03-01"
    assert webpage["mainEntity"] == {"@id": posting["@id"]}
    assert posting["@id"] == f"{SITE}/blog/running-with-back-pain/#article"
    assert posting["author"] == {"@id": weber_id}
    assert posting["publisher"] == {"@id": clinic_id()}
    assert posting["datePublished"] == "2025-03-04"
    assert posting["keywords"] == ["running"]
    assert posting["isPartOf"] == {"@id": f"{SITE}/blog/#blog"}
    # The physician appears once, practising at the clinic, so the @ids resolve in this graph.
    assert nodes["IndividualPhysician"]["@id"] == weber_id
    assert nodes["IndividualPhysician"]["practicesAt"] == {"@id": clinic_id()}
    assert [n["@type"] for n in graph_of(client.get(article.url))["@graph"]].count(
        "IndividualPhysician"
    ) == 1


def test_unreviewed_staff_article_claims_no_review(client, blog):
    article = ArticlePageFactory(parent=blog)
    nodes = nodes_by_type(client.get(article.url))
    assert "reviewedBy" not in nodes["MedicalWebPage"]
    assert "lastReviewed" not in nodes["MedicalWebPage"]
    assert nodes["BlogPosting"]["author"] == {
        "@type": "Person",
        "name": "Pat Lee, physical therapist",
    }
    assert "Medically reviewed" not in client.get(article.url).content.decode()


def test_blog_index_is_a_blog_published_by_the_clinic(client, blog):
    node = nodes_by_type(client.get("/blog/"))["Blog"]
    assert node["@id"] == f"{SITE}/blog/#blog"
    assert node["publisher"] == {"@id": clinic_id()}
