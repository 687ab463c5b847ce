"""The A-Z list (both kinds, by letter, filtered by body area with plain links), the condition and
treatment pages' sections and links, the editor's tabs, search and the sitemap."""

import pytest

from conditions.models import ConditionPage, TreatmentPage
from medical_review.reviews import pages_due_for_review, review_models
from tests.blog.factories import ArticlePageFactory, BlogIndexPageFactory
from tests.handouts.factories import ConditionFactory, handout_site
from tests.physicians.factories import PhysicianIndexPageFactory, PhysicianPageFactory

from .factories import (
    ConditionIndexPageFactory,
    ConditionPageFactory,
    TreatmentPageFactory,
    publish,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return ConditionIndexPageFactory(parent=home_page)


def test_a_to_z_lists_both_kinds_by_letter(client, index):
    ConditionPageFactory(parent=index, title="Sciatica", summary="Pain down the leg.")
    TreatmentPageFactory(parent=index, title="Physical therapy")
    ConditionPageFactory(parent=index, title="facet joint pain")
    ConditionPageFactory(parent=index, title="Draft", live=False)
    html = client.get("/conditions-treatments/").content.decode()
    assert html.index("facet joint pain") < html.index("Physical therapy") < html.index("Sciatica")
    assert '<h3 id="letter-F" class="az-group__letter">F</h3>' in html
    assert '<a href="#letter-P">P</a>' in html
    assert "(Treatment)" in html and "(Condition)" in html
    assert "Pain down the leg." in html
    assert "Draft" not in html


def test_body_area_filter_is_plain_links(client, index):
    ConditionPageFactory(parent=index, title="Neck strain", area_neck=True, area_low_back=False)
    TreatmentPageFactory(parent=index, title="Lumbar injection")
    html = client.get("/conditions-treatments/?area=neck").content.decode()
    assert "Neck strain" in html and "Lumbar injection" not in html
    assert '<a href="/conditions-treatments/?area=neck" aria-current="page">Neck</a>' in html
    assert '<a href="/conditions-treatments/?area=legs">Legs</a>' in html
    html = client.get("/conditions-treatments/?area=low-back").content.decode()
    assert "Neck strain" not in html and "Lumbar injection" in html


def test_an_unknown_area_shows_everything_and_says_so(client, index):
    ConditionPageFactory(parent=index, title="Neck strain", area_neck=True)
    response = client.get("/conditions-treatments/?area=elbow")
    assert response.status_code == 200
    html = response.content.decode()
    assert "We do not know that body area" in html and "Neck strain" in html


def test_condition_page_shows_each_section_and_its_links(client, home_page, index):
    physicians = PhysicianIndexPageFactory(parent=home_page)
    doctor = PhysicianPageFactory(parent=physicians, slug="thomas-weber")
    blog = BlogIndexPageFactory(parent=home_page)
    article = ArticlePageFactory(parent=blog, title="Running with back pain", slug="running")
    tag = ConditionFactory(name="Facet joint pain")
    handout = handout_site(home_page, title="Facet program", slug="facet", conditions=[tag])
    treatment = TreatmentPageFactory(parent=index, title="Facet joint injections", slug="fji")
    condition = ConditionPageFactory(parent=index, slug="facet-joint-pain", handout_condition=tag)
    condition.treatments = [treatment]
    condition.related_articles = [article]
    condition.physicians = [doctor]
    publish(condition)
    html = client.get("/conditions-treatments/facet-joint-pain/").content.decode()
    for text in [
        "<h2>What it is</h2>",
        "Small joints at the back of the spine.",
        "<strong>Lower back pain:</strong> Usually on one side.",
        "<h2>Causes</h2>",
        "<h2>How it is diagnosed</h2>",
        "care-card--emergency",
        '<h2 id="treatments-heading">Treatments we offer</h2>',
        'href="/conditions-treatments/fji/"',
        'href="/handouts/facet/"',
        'href="/blog/running/"',
        'href="/physicians/thomas-weber/"',
    ]:
        assert text in html, text
    # Each relation is kept once and shown on the other page too.
    back = 'href="/conditions-treatments/facet-joint-pain/"'
    assert back in client.get(handout.url).content.decode()
    assert back in client.get("/blog/running/").content.decode()
    assert back in client.get("/conditions-treatments/fji/").content.decode()


def test_treatment_page_shows_each_section_and_its_questions(client, index):
    TreatmentPageFactory(parent=index, slug="fji", how_to_prepare="")
    html = client.get("/conditions-treatments/fji/").content.decode()
    for text in [
        '<h2 id="what-it-is">What it is</h2>',
        '<h2 id="who-it-helps">Who it helps</h2>',
        '<h2 id="on-the-day">What happens on the day</h2>',
        '<h2 id="recovery">Recovery</h2>',
        '<h2 id="risks">Risks</h2>',
        '<h3 class="faq__question">Does it hurt?</h3>',
        '<h2 id="cost">Insurance and cost</h2>',
    ]:
        assert text in html, text
    assert "How to prepare" not in html  # an empty section has no heading


def test_search_finds_them_with_their_kind(client, index, search_index):
    ConditionPageFactory(parent=index, title="Facet joint pain")
    TreatmentPageFactory(parent=index, title="Facet joint injections")
    html = client.get("/search/?q=facet").content.decode()
    assert "Facet joint pain" in html and "Facet joint injections" in html
    assert '<p class="search-result__type">Condition</p>' in html
    assert '<p class="search-result__type">Treatment</p>' in html


def test_they_are_in_the_sitemap(client, index):
    ConditionPageFactory(parent=index, slug="sciatica")
    TreatmentPageFactory(parent=index, slug="physio")
    xml = client.get("/sitemap.xml").content.decode()
    for path in ["/conditions-treatments/", "/conditions-treatments/sciatica/", "physio/"]:
        assert path in xml, path


def test_edit_forms_open_with_their_tabs(admin_client, index):
    condition = ConditionPageFactory(parent=index)
    treatment = TreatmentPageFactory(parent=index)
    html = admin_client.get(f"/admin/pages/{condition.pk}/edit/").content.decode()
    for tab in ["Treatments and reading", "Links and areas", "Medical review"]:
        assert tab in html, tab
    html = admin_client.get(f"/admin/pages/{treatment.pk}/edit/").content.decode()
    assert "Questions" in html and "Medical review" in html
    assert (
        admin_client.get(f"/admin/pages/add/conditions/conditionpage/{index.pk}/").status_code
        == 200
    )


@pytest.mark.parametrize("area", ["neck", "legs"])
def test_a_real_area_is_cached(client, index, area):
    url = f"/conditions-treatments/?area={area}"
    assert client.get(url)["X-Cache"] == "MISS"
    assert client.get(url)["X-Cache"] == "HIT"


@pytest.mark.parametrize("area", ["elbow", "NECK", " neck", "", "neck&area=neck", "x" * 300])
def test_junk_areas_are_served_but_never_cached(client, index, area):
    url = f"/conditions-treatments/?area={area}"
    assert client.get(url).status_code == 200
    assert "X-Cache" not in client.get(url), f"{url} was cached"


def test_both_kinds_are_on_the_reviews_due_dashboard(index):

    assert {ConditionPage, TreatmentPage} <= set(review_models())
    condition = ConditionPageFactory(parent=index, title="Never reviewed condition")
    treatment = TreatmentPageFactory(parent=index, title="Never reviewed treatment")
    due = {review.page.pk: review.status for review in pages_due_for_review()}
    assert due[condition.pk] == due[treatment.pk] == "not reviewed"


def test_a_preview_shows_links_chosen_but_not_saved(index):
    treatment = TreatmentPageFactory(parent=index, title="Facet joint injections", slug="fji")
    condition = ConditionPageFactory(parent=index)
    condition.treatments = [treatment]  # chosen in the editor, not saved yet
    response = condition.make_preview_request()
    assert response.status_code == 200
    assert 'href="/conditions-treatments/fji/"' in response.content.decode()
    assert not ConditionPage.objects.get(pk=condition.pk).treatments.exists()
