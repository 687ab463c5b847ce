"""The demo: the practice's facet joint handout in full (seven exercises with their dosages and
tips, the precautions, the care cards, the four sources), reviewed by Dr. Weber, in the menu;
a second run keeps what staff changed."""

from io import StringIO

from django.core.management import call_command

from handouts.models import HandoutPage


def test_demo_has_the_seed_handout_in_full(client, demo):
    handout = HandoutPage.objects.get(locale__language_code="en")
    assert handout.url == "/handouts/facet-joint-back-pain/"
    assert [c.name for c in handout.conditions.all()] == ["Facet joint pain"]
    exercises = [block.value for block in handout.exercises]
    assert [e["name"] for e in exercises] == [
        "Posterior Pelvic Tilt",
        "Single Knee-to-Chest",
        "Double Knee-to-Chest",
        "Lower Trunk Rotation (Knee Rolls)",
        "Cat\u2013Camel",
        "Abdominal Bracing / Dead Bug",
        "Seated Forward Flexion Stretch",
    ]
    assert all(len(e["steps"]) == 3 for e in exercises)
    knee = exercises[1]
    assert (knee["sets"], knee["reps"], knee["hold"], knee["frequency"]) == (
        "2",
        "5 each leg",
        "15\u201320 sec",
        "1\u20132\u00d7 daily",
    )
    assert exercises[0]["tip"] == "Imagine pulling your belly button down toward the floor."
    assert sum(bool(e["tip"]) for e in exercises) == 5  # exercises 2 and 4 have none
    assert len(handout.precautions) == 3
    assert [c.value["urgency"] for c in handout.care_cards] == ["call_us", "emergency"]
    assert [c.value["url"] for c in handout.citations] == [
        "https://orthoinfo.aaos.org",
        "https://www.spine.org",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC7526062/",
        "https://www.ncbi.nlm.nih.gov/books/NBK441906/",
    ]
    assert handout.is_medically_reviewed and handout.reviewed_by.slug == "thomas-weber"
    html = client.get("/").content.decode()
    assert '<li><a href="/handouts/">Patient handouts</a></li>' in html  # main navigation
    assert "Facet Joint (Facetogenic) Back Pain" in html  # home page section


def test_a_second_run_keeps_what_staff_changed(demo):
    handout = HandoutPage.objects.get(locale__language_code="en")
    handout.title = "Facet joint pain: your exercises"
    handout.save_revision().publish()
    call_command("load_demo", stdout=StringIO())
    titles = HandoutPage.objects.filter(locale__language_code="en").values_list("title", flat=True)
    assert list(titles) == ["Facet joint pain: your exercises"]
