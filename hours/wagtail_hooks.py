from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Closure


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
