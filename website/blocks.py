"""StreamField blocks shared by every page type that has a body (standard pages, articles, …).

App-specific blocks (an exercise card, say) live in the app that owns them.
"""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading (H2)"), ("h3", "Sub-heading (H3)")], default="h2"
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(help_text="Describe the image for people who cannot see it.")
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "components/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"


class CalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "pick"
        template = "components/blocks/callout.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    button_label = blocks.CharBlock(max_length=40, default="Request an appointment")
    page = blocks.PageChooserBlock(
        required=False, help_text="Leave empty to link to the appointment request page."
    )

    class Meta:
        icon = "link"
        template = "components/blocks/call_to_action.html"


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]


class BodyBlock(blocks.StreamBlock):
    """The body of a content page: the building blocks an editor picks from."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    call_to_action = CallToActionBlock()


class ServiceTeaserBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=80)
    text = blocks.TextBlock(max_length=300)
    page = blocks.PageChooserBlock(required=False)

    class Meta:
        icon = "list-ul"
        template = "components/blocks/service_teaser.html"


# The NHS care-card pattern: three levels of "when to get help", each with a visible heading and
# a prefix that only screen readers announce (the colour alone must not carry the level).
CARE_CARD_LEVELS = [
    ("routine", "Non-urgent: call the clinic"),
    ("urgent", "Urgent: get help today"),
    ("emergency", "Emergency: call 911"),
]
CARE_CARD_PREFIXES = {
    "routine": "Non-urgent advice:",
    "urgent": "Urgent advice:",
    "emergency": "Emergency:",
}


class CareCardBlock(blocks.StructBlock):
    """When to call the clinic, get urgent help or seek emergency care, as a list of signs."""

    level = blocks.ChoiceBlock(
        choices=CARE_CARD_LEVELS,
        default="routine",
        help_text="How quickly the patient should act. Emergency cards are shown in red.",
    )
    heading = blocks.CharBlock(
        max_length=120,
        help_text="E.g. 'Call the clinic if you have' or 'Seek emergency care if you have'.",
    )
    items = blocks.ListBlock(
        blocks.CharBlock(max_length=300, label="Sign or symptom"),
        help_text="One sign or symptom per line.",
    )
    advice = blocks.TextBlock(
        required=False,
        max_length=300,
        help_text="What to do, e.g. 'In an emergency, call 911.' Non-urgent and urgent cards "
        "show the practice's phone number by themselves.",
    )

    class Meta:
        icon = "warning"
        label = "Care card (when to get help)"
        template = "components/blocks/care_card.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["screen_reader_prefix"] = CARE_CARD_PREFIXES.get(value["level"], "")
        return context
