"""The editor's side: the handout form and its tabs, a gentle note (never a block) when a program
has more than six exercises, a clear message when a video has no text alternative, conditions."""

import pytest
from django.contrib.messages import get_messages
from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from handouts.blocks import ExerciseVideoBlock
from handouts.models import HandoutPage

from .factories import (
    ConditionFactory,
    HandoutIndexPageFactory,
    HandoutPageFactory,
    exercise,
)

pytestmark = pytest.mark.django_db

NOTE = "Patients are more likely to keep going with 6 or fewer"


def list_block(items: list) -> dict:
    data = {
        str(i): {"value": v, "deleted": "", "order": str(i), "id": ""} for i, v in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def exercise_form(value: dict) -> dict:
    fields = ["name", "starting_position", "equipment", "sets", "reps", "hold", "frequency", "tip"]
    return {
        **{field: value[field] for field in fields},
        "steps": list_block(value["steps"]),
        "images": list_block([]),
        "video": value["video"],
    }


def handout_form(condition, exercises: list[dict], **fields) -> dict:
    data = nested_form_data(
        {
            "title": "Facet program",
            "slug": "facet-program",
            "summary": "Gentle exercises.",
            "introduction": rich_text("<p>How this program helps.</p>"),
            "frequency": "Daily.",
            "pacing": "",
            "warm_up": "",
            "breathing": "",
            "exercises": streamfield([("exercise", exercise_form(v)) for v in exercises]),
            "precautions": streamfield([("precaution", "Heavy lifting.")]),
            "care_cards": streamfield([]),
            "citations": streamfield([]),
            "reviewed_by": "",
            "last_reviewed": "",
            "next_review_due": "",
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
            **fields,
        }
    )
    data["conditions"] = [str(condition.pk)]
    return data


@pytest.fixture
def index(home_page):
    return HandoutIndexPageFactory(parent=home_page)


def test_edit_form_opens_with_its_tabs(admin_client, index):
    handout = HandoutPageFactory(parent=index)
    html = admin_client.get(f"/admin/pages/{handout.pk}/edit/").content.decode()
    for tab in ["Content", "Exercises", "Safety", "Sources", "Medical review", "Promote"]:
        assert f'id="tab-label-{slugify(tab).replace("-", "_")}"' in html, tab
    assert NOTE not in html


def test_handouts_go_only_under_the_handouts_list(admin_client, home_page, index):
    assert admin_client.get(f"/admin/pages/add/handouts/handoutpage/{index.pk}/").status_code == 200
    wrong = admin_client.get(f"/admin/pages/add/handouts/handoutpage/{home_page.pk}/")
    assert wrong.status_code == 302


def test_a_long_program_shows_a_note_in_the_editor(admin_client, index):
    long = HandoutPageFactory(parent=index, exercises=[("exercise", exercise(n)) for n in range(7)])
    html = admin_client.get(f"/admin/pages/{long.pk}/edit/").content.decode()
    assert "This program has 7 exercises. " + NOTE in html
    six = HandoutPageFactory(parent=index, exercises=[("exercise", exercise(n)) for n in range(6)])
    assert NOTE not in admin_client.get(f"/admin/pages/{six.pk}/edit/").content.decode()


def test_a_long_program_still_publishes_with_a_gentle_warning(admin_client, index):
    condition = ConditionFactory(name="Facet joint pain")
    form = handout_form(condition, [exercise(n) for n in range(1, 9)])
    response = admin_client.post(f"/admin/pages/add/handouts/handoutpage/{index.pk}/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    handout = HandoutPage.objects.get(slug="facet-program")
    assert handout.live and len(handout.exercises) == 8
    assert list(handout.conditions.all()) == [condition]
    assert handout.exercises[0].value["steps"][1] == "Lift your hips for exercise 1."
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert [w for w in warnings if NOTE in w] == [
        "This program has 8 exercises. " + NOTE + ": consider splitting it into two handouts "
        "or keeping only the most important ones. You can still publish it as it is."
    ]


def test_a_short_program_publishes_without_a_warning(admin_client, index):
    form = handout_form(ConditionFactory(), [exercise(1), exercise(2)])
    response = admin_client.post(f"/admin/pages/add/handouts/handoutpage/{index.pk}/", form)
    assert response.status_code == 302
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert not [w for w in warnings if NOTE in w]  # (no care card here: that note is its own)


def test_a_video_without_a_text_alternative_is_refused_with_a_clear_message(admin_client, index):
    video = {"url": "https://video.example.com/bridge", "text_alternative": ""}
    form = handout_form(ConditionFactory(), [exercise(1, video=video)])
    response = admin_client.post(f"/admin/pages/add/handouts/handoutpage/{index.pk}/", form)
    assert response.status_code == 200, "shown again, not saved"
    html = response.content.decode()
    assert "Describe what the video shows, for patients who cannot watch it." in html
    assert "Bend both knees for exercise 1." in html  # what the editor typed is still there
    assert not HandoutPage.objects.filter(slug="facet-program").exists()


def test_video_block_accepts_a_link_with_its_text_alternative():
    block = ExerciseVideoBlock()
    value = block.to_python({"url": "https://video.example.com/x", "text_alternative": "Shows it."})
    assert block.clean(value)["text_alternative"] == "Shows it."
    assert block.clean(block.to_python({"url": "", "text_alternative": ""}))["url"] == ""


def test_conditions_are_edited_as_snippets(admin_client, db):
    ConditionFactory(name="Sciatica")
    response = admin_client.get("/admin/snippets/handouts/condition/")
    assert response.status_code == 200
    assert "Sciatica" in response.content.decode()
