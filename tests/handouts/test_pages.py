"""What patients see on /handouts/<slug>/ and its large-print version: every field of every
exercise, how to use the program, precautions, care cards, sources, the medical review line."""

from datetime import date
from html import unescape

import pytest

from handouts.blocks import ExerciseBlock
from tests.physicians.factories import PhysicianIndexPageFactory, PhysicianPageFactory

from .factories import CARE_CARDS, CITATIONS, exercise, handout_site, picture

pytestmark = pytest.mark.django_db


def html_of(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return unescape(response.content.decode())


def shown_values(value: dict) -> dict[str, list[str]]:
    """What must appear on the page for each field of an exercise (lists: every item)."""
    return {
        "steps": value["steps"],
        "images": [
            text
            for picture in value["images"]
            for text in (picture["alt_text"], picture["caption"])
        ],
        "video": [value["video"]["url"], value["video"]["text_alternative"]],
    }


def test_every_field_of_every_exercise_is_shown(client, home_page):
    image = picture()
    exercises = [("exercise", exercise(n, image=image)) for n in (1, 2, 3)]
    handout = handout_site(home_page, exercises=exercises)
    html = html_of(client, handout.url)
    for number, (_, value) in enumerate(exercises, start=1):
        lists = shown_values(value)
        # Every field the block declares is checked, so a field added later must be shown too.
        for field in ExerciseBlock.base_blocks:
            for text in lists.get(field, [value[field]]):
                assert text in html, (number, field, text)
        assert f'<span class="exercise-card__number">{number}.</span> {value["name"]}' in html
        assert f'alt="{value["images"][0]["alt_text"]}"' in html
        assert f'href="{value["video"]["url"]}"' in html
    for label in ["Sets", "Reps", "Hold", "Frequency", "Starting position:", "Equipment:"]:
        assert f"<dt>{label}</dt>" in html


def test_optional_fields_left_empty_leave_no_trace(client, home_page):
    bare = exercise(1, starting_position="", equipment="", hold="", tip="")
    bare["video"] = {"url": "", "text_alternative": ""}
    handout = handout_site(home_page, exercises=[("exercise", bare)])
    html = html_of(client, handout.url)
    assert "Glute Bridge 1" in html and "<dt>Sets</dt>" in html
    for absent in ["<dt>Hold</dt>", "Starting position:", "Equipment:", "Tip:", "Watch a video"]:
        assert absent not in html


def test_how_to_use_precautions_care_cards_and_sources(client, home_page):
    handout = handout_site(home_page)
    html = html_of(client, handout.url)
    assert "Gentle exercises for a sore back." in html
    assert "This program uses <b>gentle flexion</b>." in html
    for line in [
        "<strong>Frequency:</strong> Once or twice daily.",
        "<strong>Pace yourself:</strong> Mild stretch is fine; sharp pain is not.",
        "<strong>Warm up:</strong> A few minutes of easy walking.",
        "<strong>Breathing:</strong> Breathe normally.",
    ]:
        assert line in html
    assert "Precautions: things to avoid" in html
    assert "<li>Heavy lifting.</li>" in html and "<li>Long periods of standing.</li>" in html
    # Care cards: the level in words (read first by screen readers), then the visible heading.
    for card, level in zip(
        CARE_CARDS, ["When to call us:", "Urgent advice:", "Emergency:"], strict=True
    ):
        assert f"care-card--{card['urgency']}" in html
        assert level in html and card["heading"] in html
    assert "Call us at" in html and "(312) 555-0100" in html  # the practice's number
    assert 'Call <a href="tel:911">911</a>' in html
    for citation in CITATIONS:
        assert f'<a href="{citation["url"]}">{citation["title"]}</a>' in html
    assert "StatPearls, NCBI Bookshelf" in html


def test_the_page_links_to_its_pdf_and_large_print(client, home_page):
    handout = handout_site(home_page, slug="facet-program")
    html = html_of(client, "/handouts/facet-program/")
    assert 'href="/handouts/facet-program/pdf/"' in html
    assert 'href="/handouts/facet-program/large-print/"' in html
    assert 'class="page-handout"' in html
    # The print-only QR code and address name the public site.
    assert "Scan the code to open this program on your phone" in html
    assert handout.full_url.endswith("/handouts/facet-program/")


def test_large_print_version(client, home_page, settings):
    settings.SITE_URL = "https://www.example-practice.com"
    handout_site(home_page, slug="facet-program")
    html = html_of(client, "/handouts/facet-program/large-print/")
    assert 'class="page-handout large-print"' in html
    assert "<title>Large print: " in html
    assert 'rel="canonical" href="https://www.example-practice.com/handouts/facet-program/"' in html
    assert 'href="/handouts/facet-program/large-print/pdf/">Download PDF (large print)' in html
    assert 'href="/handouts/facet-program/">Standard print' in html
    assert "Glute Bridge 3" in html
    assert "visit https://www.example-practice.com/handouts/facet-program/large-print/" in html


def test_medical_review_line(client, home_page):
    physicians = PhysicianIndexPageFactory(parent=home_page)
    reviewer = PhysicianPageFactory(
        parent=physicians, title="Thomas J. Weber", short_name="Dr. Weber"
    )
    handout = handout_site(
        home_page,
        reviewed_by=reviewer,
        last_reviewed=date(2026, 3, 2),
        next_review_due=date(2027, 3, 2),
    )
    html = html_of(client, handout.url)
    assert "Medically reviewed by" in html and "Thomas J. Weber" in html
    assert 'Last reviewed <time datetime="2026-03-02">March 2, 2026</time>' in html
    assert 'Next review due <time datetime="2027-03-02">March 2, 2027</time>' in html


def test_drafts_are_not_public(client, home_page):
    handout = handout_site(home_page, slug="draft-program")
    handout.unpublish()
    for path in ["/handouts/draft-program/", "/handouts/draft-program/pdf/"]:
        assert client.get(path).status_code == 404


def test_home_page_lists_the_latest_handouts(client, home_page):
    handout = handout_site(home_page, title="Neck program")
    html = html_of(client, "/")
    assert '<h2 id="home-section-handouts">Patient handouts</h2>' in html
    assert f'<a href="{handout.url}">Neck program</a>' in html
    assert '<a href="/handouts/">All patient handouts</a>' in html
