from django.conf import settings
from wagtail import hooks
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.ui.components import Component

from .status import stale_translations


class StaleTranslationsPanel(Component):
    """Dashboard panel: "2 Spanish pages are older than their English page", with links."""

    name = "stale_translations"
    template_name = "translations/admin/stale_translations_panel.html"
    order = 60  # Under the medical reviews due (50), above Wagtail's own panels.

    def get_context_data(self, parent_context):
        languages = dict(settings.LANGUAGES)
        stale = stale_translations()
        by_language = {}
        for entry in stale:
            by_language.setdefault(languages.get(entry.language, entry.language), []).append(entry)
        return {"by_language": sorted(by_language.items())}


@hooks.register("construct_homepage_panels")
def add_stale_translations_panel(request, panels):
    if user_has_any_page_permission(request.user):
        panels.append(StaleTranslationsPanel())
