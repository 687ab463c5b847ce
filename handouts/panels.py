"""A note in the page editor when a program grows past what patients tend to keep up with.

It warns and never blocks: the clinician decides. It shows once the page has been saved with
too many exercises (the after-save message in wagtail_hooks.py says the same at once).
"""

from django.utils.html import format_html
from wagtail.admin.panels import HelpPanel

from .blocks import RECOMMENDED_MAX_EXERCISES


def program_length_note(exercise_count: int) -> str:
    """The note, or '' while the program is short enough."""
    if exercise_count <= RECOMMENDED_MAX_EXERCISES:
        return ""
    return (
        f"This program has {exercise_count} exercises. Patients are more likely to keep going "
        f"with {RECOMMENDED_MAX_EXERCISES} or fewer: consider splitting it into two handouts "
        "or keeping only the most important ones. You can still publish it as it is."
    )


class ProgramLengthPanel(HelpPanel):
    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            exercises = getattr(self.instance, "exercises", None) or []
            self.note = program_length_note(len(exercises))
            self.content = format_html(
                '<div class="help-block help-warning"><p>{}</p></div>', self.note
            )

        def is_shown(self):
            return bool(self.note)


def missing_care_card_note(page) -> str:
    """The note, or '' when the handout tells patients when to call or seek care."""
    if getattr(page, "care_cards", None):
        return ""
    return (
        "This handout has no safety care card: patients are not told when to call the clinic "
        "or seek care. Add one under Safety unless the program really needs none."
    )


class CareCardCheckPanel(HelpPanel):
    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.note = missing_care_card_note(self.instance)
            self.content = format_html(
                '<div class="help-block help-warning"><p>{}</p></div>', self.note
            )

        def is_shown(self):
            return bool(self.note)
