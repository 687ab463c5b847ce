from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import InsurancePlan


class InsurancePlanViewSet(SnippetViewSet):
    """The plans we accept: listed on the New patients page, suggested by the appointment form."""

    model = InsurancePlan
    icon = "tick-inverse"
    menu_label = "Insurance plans"
    list_display = ["name", "notes"]
    search_fields = ["name"]


register_snippet(InsurancePlanViewSet)
