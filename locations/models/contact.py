"""/contact/: every office's address, phone and fax, the practice's email and what not to send
by email, the appointment button and what to do in an emergency."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page
from wagtail.search import index

from website.page_serving import PageServingMixin
from website.structured_data import clinic_id, page_node

from ..schedules import kept_offices_with_hours

DEFAULT_EMAIL_POLICY = (
    "Please don't send medical details, test results or questions about your treatment by email: "
    "email is not private enough for them. Call us instead, and we'll talk it through."
)


class ContactPage(PageServingMixin, Page):
    intro = models.TextField(
        blank=True, max_length=500, help_text="A sentence under the title, e.g. 'How to reach us.'"
    )
    email_policy = models.TextField(
        "what not to send by email",
        default=DEFAULT_EMAIL_POLICY,
        help_text="Shown next to the practice's email address.",
    )

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count = 1
    template = "locations/contact_page.html"

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("email_policy")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("contact page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["offices"] = [item.office for item in kept_offices_with_hours(request)]
        return context

    def structured_data(self, request) -> list[dict]:
        return [
            page_node(
                self,
                "ContactPage",
                "webpage",
                request,
                name=self.seo_title or self.title,
                about={"@id": clinic_id()},
            )
        ]
