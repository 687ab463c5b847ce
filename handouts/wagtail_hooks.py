from django.contrib import messages
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Condition, HandoutPage
from .panels import program_length_note


class ConditionViewSet(SnippetViewSet):
    """The conditions patients filter handouts by; kept in Snippets, edited rarely."""

    model = Condition
    icon = "tag"
    menu_label = "Handout conditions"
    list_display = ["name", "slug"]


register_snippet(ConditionViewSet)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def note_long_programs(request, page):
    """A gentle note after saving a long program; it never stops the save or the publish."""
    if isinstance(page.specific, HandoutPage):
        note = program_length_note(len(page.specific.exercises))
        if note:
            messages.warning(request, note)
