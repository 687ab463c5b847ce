"""The public page patients request an appointment on, and its thank-you page.

Its routes hand the request to views.py, which imports the request model (requests.py) and the
form, never this module: the page depends on the views, not the other way round."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from website.page_serving import PageServingMixin

from ..views import appointment_form_view, thank_you_view, withdraw_view

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]

DEFAULT_THANK_YOU = (
    "<p>Our front desk will call you within one business day, at a time you chose if you "
    "told us one. If you gave an email address, we have sent you a short confirmation.</p>"
    "<p>If you do not hear from us by the end of the next business day, please call us.</p>"
)


class AppointmentRequestPage(RoutablePageMixin, PageServingMixin, Page):
    intro = RichTextField(
        features=TEXT_FEATURES,
        blank=True,
        help_text="Shown above the form: who the form is for and what happens after it is sent.",
    )
    submit_label = models.CharField(
        "button text", max_length=40, default="Send my request", help_text="The form's button."
    )
    thank_you_heading = models.CharField(
        max_length=120,
        default="Thank you. We have your request.",
        help_text="The heading patients see once their request is sent.",
    )
    thank_you_text = RichTextField(
        features=TEXT_FEATURES,
        default=DEFAULT_THANK_YOU,
        help_text=(
            "What happens next and when. Shown to every patient after sending the form, so it "
            "never includes anything they typed."
        ),
    )

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("submit_label")]
    thank_you_panels = [FieldPanel("thank_you_heading"), FieldPanel("thank_you_text")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Form"),
            ObjectList(thank_you_panels, heading="Thank-you page"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    search_fields = [*Page.search_fields, index.SearchField("intro")]
    preview_modes = [("", "Form"), ("thank-you", "Thank-you page")]

    class Meta:
        verbose_name = _("appointment request page")

    @path("")
    def form_view(self, request):
        return appointment_form_view(self, request)

    @path("thank-you/", name="thank_you")
    def thank_you_view(self, request):
        return thank_you_view(self, request)

    # A signed token's three parts (value, time, signature) as three path segments: Wagtail
    # routes only letters, digits, "_" and "-" in a page's address, not the token's ":".
    @path("withdraw/<str:value>/<str:stamp>/<str:signature>/", name="withdraw")
    def withdraw_view(self, request, value, stamp, signature):
        return withdraw_view(self, request, ":".join([value, stamp, signature]))

    def serve_preview(self, request, mode_name):
        if mode_name == "thank-you":
            return self.thank_you_view(request)
        return self.form_view(request)

    def thank_you_url(self, request=None) -> str:
        return self.get_url(request=request) + self.reverse_subpage("thank_you")
