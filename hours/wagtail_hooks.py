from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from website.site_notices import SITE_NOTICES_HOOK
from website.structured_data import CLINIC_STRUCTURED_DATA_HOOK

from .models import Closure
from .notices import holiday_banner
from .structured_data import add_opening_hours


class ClosureViewSet(SnippetViewSet):
    """Its own item in the admin menu: the thing front-desk staff edit most often."""

    model = Closure
    icon = "date"
    menu_label = "Closures"
    menu_name = "closures"
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        Column("label", label="Name"),
        Column("dates_text", label="Dates"),
        Column("hours_text", label="Hours"),
    ]
    ordering = ["-start_date"]


register_snippet(ClosureViewSet)

# The holiday banner above every page, and the clinic's opening hours in every page's JSON-LD.
hooks.register(SITE_NOTICES_HOOK, holiday_banner)
hooks.register(CLINIC_STRUCTURED_DATA_HOOK, add_opening_hours)
