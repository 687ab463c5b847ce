"""The demo: Dr. Weber with only what the practice told us, and the seed article kept structured."""

from io import StringIO

from django.core.management import call_command

from blog.models import ArticlePage
from physicians.models import PhysicianPage


def test_demo_physician_says_only_what_the_seed_says(demo):
    weber = PhysicianPage.objects.get(slug="thomas-weber", locale__language_code="en")
    assert weber.doctor_name == "Dr. Thomas J. Weber, Jr."
    assert weber.credentials == "D.O."
    assert [(e.kind, e.name, e.institution, e.year) for e in weber.education.all()] == [
        ("degree", "Doctor of Osteopathic Medicine (D.O.)",
         "Kirksville College of Osteopathic Medicine", None),
        ("fellowship", "Anesthesiology and Pain Management", "", None),
    ]  # fmt: skip
    assert weber.board_certification_list == ["Anesthesiology and Pain Management"]
    # Nothing the practice did not tell us: no photo (a neutral placeholder holds its place),
    # title, hospitals, languages, patient status.
    assert weber.photo.title == "Portrait placeholder" and "placeholder" in weber.photo_alt_text
    assert weber.job_title == ""
    assert weber.hospital_affiliations == weber.languages == ""
    assert weber.accepting_new_patients is None


def test_seed_article_is_structured_and_by_dr_weber(demo):
    article = ArticlePage.objects.get(slug="running-with-back-pain")
    weber = PhysicianPage.objects.get(slug="thomas-weber", locale__language_code="en")
    assert article.live and article.author == weber and article.reviewed_by == weber
    assert article.last_reviewed and article.next_review_due > article.last_reviewed
    assert sorted(article.tags.names()) == ["back pain", "facet joints", "running"]
    blocks = list(article.body)
    headings = [b.value["text"] for b in blocks if b.block_type == "heading"]
    assert headings == [
        "Causes of Back Pain in Runners", "What Are Facet Joints?",
        "Symptoms of Facet Joint Pain", "Treatment Options", "Conservative Treatments",
        "Facet Joint Injections", "Benefits of Facet Joint Injections",
        "Preventing Future Back Pain", "Conclusion",
    ]  # fmt: skip
    [causes] = [b.value for b in blocks if b.block_type == "numbered_sections"]
    assert [s["heading"] for s in causes["sections"]] == [
        "Facet Joint Dysfunction", "Poor Running Form or Posture", "Muscle Imbalances",
        "Degenerative Changes", "Spinal Alignment Issues", "Overuse Injuries",
    ]  # fmt: skip
    lists = [b.value for b in blocks if b.block_type == "list"]
    assert [len(v["items"]) for v in lists] == [6, 4, 5, 4]
    assert lists[0]["items"][0]["term"] == "Lower back pain"
    assert blocks[-1].block_type == "call_to_action"
    assert "schedule a consultation" in blocks[-1].value["text"]


def test_blog_and_physicians_are_in_the_main_navigation(client, demo):
    html = client.get("/").content.decode()
    assert '<a href="/physicians/">Physicians</a>' in html
    assert '<a href="/blog/">Blog</a>' in html


def test_a_second_run_keeps_what_staff_changed(demo):
    weber = PhysicianPage.objects.get(slug="thomas-weber", locale__language_code="en")
    weber.summary = "Edited by staff."
    weber.save_revision().publish()
    call_command("load_demo", stdout=StringIO())
    assert (
        PhysicianPage.objects.get(slug="thomas-weber", locale__language_code="en").summary
        == "Edited by staff."
    )
