from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from website.home_sections import HOME_SECTIONS_HOOK, HomeSection
from website.page_serving import public

from .models import Condition, HandoutPage
from .panels import missing_care_card_note, program_length_note


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
    """Gentle notes after saving a long program or one without a care card; they never stop
    the save or the publish."""
    if isinstance(page.specific, HandoutPage):
        notes = [
            program_length_note(len(page.specific.exercises)),
            missing_care_card_note(page.specific),
        ]
        for note in filter(None, notes):
            messages.warning(request, note)


HOME_HANDOUTS = 3


@hooks.register(HOME_SECTIONS_HOOK, order=30)
def latest_handouts(home_page, request) -> HomeSection:
    """The most recently published programs on this site."""
    handouts = public(HandoutPage.objects.descendant_of(home_page).live())
    latest = handouts.order_by("-first_published_at").prefetch_related("conditions")
    return HomeSection(
        key="handouts",
        heading=_("Patient handouts"),
        template="handouts/home_section.html",
        items=latest[:HOME_HANDOUTS],
    )
