"""/locations/: every office, with its address, phone and today's status."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page
from wagtail.search import index

from website.page_serving import PageServingMixin, public
from website.site_memo import remember
from website.structured_data import clinic_id, page_node

from ..schedules import kept_offices_with_hours
from ..structured_data import office_reference
from .office import LocationPage


def live_offices(queryset=None, public_only=True):
    """Published, public offices in page-tree order (their weeks: office.weekly_intervals_of).
    public_only=False keeps offices behind a view restriction too: for the cache's expiry,
    which must not ask whether restrictions exist (that answer's own expiry asks for it)."""
    queryset = (LocationPage.objects.all() if queryset is None else queryset).live()
    if public_only:
        queryset = public(queryset)
    return queryset.order_by("path")


class LocationIndexPage(PageServingMixin, Page):
    intro = models.TextField(
        blank=True, max_length=500, help_text="A sentence or two above the list of offices."
    )

    parent_page_types = ["website.HomePage"]
    subpage_types = ["locations.LocationPage"]
    max_count = 1
    template = "locations/location_index_page.html"

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("locations page")

    def offices_with_hours(self, request):
        """Its offices, with their hours (kept by the worker: see locations/schedules.py)."""
        return [
            item
            for item in kept_offices_with_hours(request)
            if item.office.path.startswith(self.path)
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["offices"] = self.offices_with_hours(request)
        return context

    def structured_data(self, request) -> list[dict]:
        # The offices' references (each its page's URL) depend on the content alone: kept with
        # the site-wide fragments, as the offices are (website/site_memo.py).
        items = remember(
            request,
            f"location-list-items:{self.pk}",
            lambda: [
                {"@type": "ListItem", "position": n, "item": office_reference(office, request)}
                for n, office in enumerate(
                    (item.office for item in self.offices_with_hours(request)), start=1
                )
            ],
        )
        return [
            page_node(
                self,
                "CollectionPage",
                "webpage",
                request,
                name=self.seo_title or self.title,
                about={"@id": clinic_id()},
                mainEntity={"@type": "ItemList", "itemListElement": items},
            )
        ]
