"""Demo handouts: the list of handouts in the main navigation and the practice's facet joint
program (handouts/demo_content.py), medically reviewed by Dr. Weber as the demo article is (the
physicians demo, loaded before this one, creates him), published, with its PDFs queued for the
worker.

Each exercise gets a line drawing made by handouts/illustrations.py, with its alt text.

Safe to run again: the condition, the list and the handout are each made only when missing
(found by name or slug), so staff edits survive.
"""

from io import BytesIO

from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model

from medical_review.models import DEFAULT_REVIEW_INTERVAL
from physicians.models import PhysicianPage
from website.demo_pages import ensure_published_child
from website.models import HomePage

from . import demo_content as seed
from .illustrations import ILLUSTRATIONS, png_bytes
from .models import Condition, HandoutIndexPage, HandoutPage


def load(stdout) -> None:
    condition, _ = Condition.objects.get_or_create(name=seed.CONDITION)
    index = _index_page(stdout)
    _handout(index, condition, stdout)


def _index_page(stdout) -> HandoutIndexPage:
    index, created = ensure_published_child(
        HomePage.objects.first(),
        HandoutIndexPage.objects.all(),
        HandoutIndexPage(**seed.INDEX),
        stdout,
        "handouts list created",
    )
    if created:
        _link_home_service_card(index)
    return index


def _link_home_service_card(index: HandoutIndexPage) -> None:
    """The home page's "Home exercise programs" card leads here (it was made before this list)."""
    home = HomePage.objects.first()
    changed = False
    for block in home.services:
        if block.value["title"] == "Home exercise programs" and block.value["page"] is None:
            block.value["page"] = index
            changed = True
    if changed:
        home.save_revision().publish()


def _handout(index: HandoutIndexPage, condition: Condition, stdout) -> None:
    if HandoutPage.objects.filter(slug=seed.HANDOUT["slug"]).exists():
        return
    weber = PhysicianPage.objects.filter(slug="thomas-weber").first()
    today = timezone.localdate()
    handout = HandoutPage(
        **seed.HANDOUT,
        reviewed_by=weber,
        last_reviewed=today if weber else None,
        next_review_due=today + DEFAULT_REVIEW_INTERVAL if weber else None,
        exercises=[("exercise", _illustrated(exercise_value(*row))) for row in seed.EXERCISES],
        precautions=[("precaution", text) for text in seed.PRECAUTIONS],
        care_cards=[("care_card", card) for card in seed.CARE_CARDS],
        citations=[("citation", citation) for citation in seed.CITATIONS],
    )
    handout.conditions = [condition]
    index.add_child(instance=handout)
    handout.save_revision().publish()
    stdout.write(f"  handout created: {handout.title}")


def _illustrated(value: dict) -> dict:
    """The exercise with its line drawing (handouts/illustrations.py), drawn now and stored as a
    Wagtail image (found again by title, so a second run adds none)."""
    illustration = ILLUSTRATIONS.get(value["name"])
    if illustration is None:
        return value
    title = f"Exercise: {value['name']}"
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).first()
    if image is None:
        file = ImageFile(
            BytesIO(png_bytes(value["name"])), name=f"exercise-{slugify(value['name'])}.png"
        )
        image = image_model.objects.create(title=title, file=file)
    value["images"] = [{"image": image, "alt_text": illustration.alt_text, "caption": ""}]
    return value


def exercise_value(name, steps, sets, reps, hold, frequency, tip) -> dict:
    return {
        "name": name,
        "starting_position": "",
        "equipment": "",
        "steps": steps,
        "sets": sets,
        "reps": reps,
        "hold": hold,
        "frequency": frequency,
        "tip": tip,
        "images": [],
        "video": {"url": "", "text_alternative": ""},
    }
