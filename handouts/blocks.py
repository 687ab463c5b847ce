# ruff: noqa: RUF001 -- en dashes and multiplication signs are the handout's own typography
"""The parts of a home exercise program: exercise cards (as on Physitrack or MedBridge) and the
sources the advice rests on. Care cards are shared with articles, so they live in website/blocks.py.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

# Patients keep up with short programs better; past this many exercises editors see a note.
RECOMMENDED_MAX_EXERCISES = 6


class ExerciseImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe the position or movement for someone who cannot see the picture, "
        "e.g. 'Lying on the back, knees bent, both feet flat on the floor.'",
    )
    caption = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "image"
        label = "Picture"


class ExerciseVideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(
        required=False,
        label="Video link",
        help_text="A link to a video of the exercise. Patients open it on the video's own site.",
    )
    text_alternative = blocks.TextBlock(
        required=False,
        max_length=1000,
        help_text="What the video shows, in words, for patients who cannot watch or hear it. "
        "Needed whenever there is a video link.",
    )

    class Meta:
        icon = "media"
        label = "Video"

    def clean(self, value):
        value = super().clean(value)
        if value["url"] and not value["text_alternative"].strip():
            raise StructBlockValidationError(
                block_errors={
                    "text_alternative": ValidationError(
                        "Describe what the video shows, for patients who cannot watch it."
                    )
                }
            )
        return value


class ExerciseBlock(blocks.StructBlock):
    """One exercise card: what to do, step by step, and how much of it."""

    name = blocks.CharBlock(max_length=120, help_text="E.g. 'Posterior Pelvic Tilt'.")
    starting_position = blocks.CharBlock(
        required=False, max_length=200, help_text="Optional, e.g. 'Lying on your back'."
    )
    equipment = blocks.CharBlock(
        required=False, max_length=200, help_text="Optional, e.g. 'A firm chair' or 'None'."
    )
    steps = blocks.ListBlock(
        blocks.TextBlock(max_length=400, label="Step"),
        min_num=1,
        help_text="One instruction per step, in order. They are numbered for you.",
    )
    sets = blocks.CharBlock(max_length=40, help_text="E.g. '2' or '1–2'.")
    reps = blocks.CharBlock(
        max_length=60, label="Repetitions", help_text="E.g. '10' or '5 each leg'."
    )
    hold = blocks.CharBlock(
        required=False, max_length=40, help_text="Optional, e.g. '5 sec' or '15–20 sec'."
    )
    frequency = blocks.CharBlock(max_length=60, help_text="E.g. 'Daily' or '1–2× daily'.")
    tip = blocks.TextBlock(required=False, max_length=400, help_text="Optional coaching tip.")
    images = blocks.ListBlock(ExerciseImageBlock(), default=[], label="Pictures", max_num=4)
    video = ExerciseVideoBlock()

    class Meta:
        icon = "user"
        label = "Exercise"
        template = "handouts/blocks/exercise.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["dosage"] = dosage(value)
        return context


def dosage(value) -> list[tuple[str, str]]:
    """The dose of an exercise as (label, amount) pairs, in the order patients read them."""
    labels = [
        ("sets", _("Sets")),
        ("reps", _("Reps")),
        ("hold", _("Hold")),
        ("frequency", _("Frequency")),
    ]
    return [(label, value[key]) for key, label in labels if value.get(key)]


class ExerciseProgramBlock(blocks.StreamBlock):
    """The exercises. At least one is required by the field itself (not blank), checked when
    the page is saved. Not with Meta.min_num: Wagtail's editor shows a minimum as an error at
    once, on a new form no one has typed in yet (twice, with block_counts)."""

    exercise = ExerciseBlock()


class CitationBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=300, help_text="E.g. 'Lumbosacral Facet Syndrome'. Shown as the link text."
    )
    publisher = blocks.CharBlock(
        required=False, max_length=200, help_text="Optional, e.g. 'StatPearls, NCBI Bookshelf'."
    )
    url = blocks.URLBlock(label="Link")

    class Meta:
        icon = "doc-full"
        label = "Source"
        template = "handouts/blocks/citation.html"
