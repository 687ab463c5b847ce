"""Checks in the editor: warnings (never blocks) for a handout without a safety care card and a
clinical page without a reviewer; a new handout's form without errors before anything is typed;
and a slug taken by an abandoned draft named, with a link to open it."""

import pytest
from django.contrib.messages import get_messages

from handouts.models import HandoutPage
from tests.blog.factories import ArticlePageFactory, BlogIndexPageFactory

from .factories import ConditionFactory, HandoutIndexPageFactory, HandoutPageFactory, exercise
from .test_admin import handout_form

pytestmark = pytest.mark.django_db

NO_CARE_CARD = "This handout has no safety care card"
NO_REVIEWER = "No physician is named as having reviewed this page"


@pytest.fixture
def index(home_page):
    return HandoutIndexPageFactory(parent=home_page)


def warnings_after(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


def test_a_handout_without_a_care_card_gets_a_warning_in_its_safety_tab(admin_client, index):
    bare = HandoutPageFactory(parent=index, care_cards=[])
    assert NO_CARE_CARD in admin_client.get(f"/admin/pages/{bare.pk}/edit/").content.decode()
    carded = HandoutPageFactory(parent=index)
    assert NO_CARE_CARD not in admin_client.get(f"/admin/pages/{carded.pk}/edit/").content.decode()


def test_saving_a_handout_without_a_care_card_warns_but_publishes(admin_client, index):
    form = handout_form(ConditionFactory(name="Back pain"), [exercise(1)])
    response = admin_client.post(f"/admin/pages/add/handouts/handoutpage/{index.pk}/", form)
    assert response.status_code == 302
    assert HandoutPage.objects.get(slug="facet-program").live
    assert any(NO_CARE_CARD in w for w in warnings_after(response))


def test_clinical_pages_without_a_reviewer_get_a_warning(admin_client, home_page, index):
    article = ArticlePageFactory(parent=BlogIndexPageFactory(parent=home_page))
    handout = HandoutPageFactory(parent=index)
    for page in (article, handout):
        assert NO_REVIEWER in admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()


def test_a_handout_with_no_exercise_is_refused_with_one_clear_error(admin_client, index):
    form = handout_form(ConditionFactory(name="Back pain"), [])
    response = admin_client.post(f"/admin/pages/add/handouts/handoutpage/{index.pk}/", form)
    assert response.status_code == 200
    [error] = response.context["form"].errors.as_data()["exercises"]
    assert error.as_json_data() == {"messages": ["This field is required."]}
    assert not HandoutPage.objects.filter(slug="facet-program").exists()


def test_a_slug_held_by_an_abandoned_draft_names_the_draft_and_links_to_it(admin_client, index):
    draft = HandoutPageFactory(
        parent=index, title="Facet program (first try)", slug="facet-program"
    )
    draft.live = False
    draft.save()
    form = handout_form(ConditionFactory(name="Back pain"), [exercise(1)])
    response = admin_client.post(f"/admin/pages/add/handouts/handoutpage/{index.pk}/", form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "is used by the draft “Facet program (first try)”" in html
    assert f'<a href="/admin/pages/{draft.pk}/edit/">' in html
