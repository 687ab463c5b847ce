"""StreamField blocks shared by every page type that has a body (standard pages, articles, …).

App-specific blocks (an exercise card, say) live in the app that owns them. The list and care card
are here because articles and patient handouts both use them; an app adds them to its own body
block by subclassing BodyBlock.
"""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class OptionalPageBlock(blocks.PageChooserBlock):
    """An optional link to a page. Wagtail reads every chooser value of a StreamField with one
    query, and builds that query even when every value is empty: skipped here, so a body whose
    optional links are all empty reads nothing for them."""

    def bulk_to_python(self, values):
        if all(value is None for value in values):
            return [None] * len(values)
        return super().bulk_to_python(values)


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
    page = OptionalPageBlock(
        required=False, help_text="Leave empty to link to the appointment request page."
    )

    class Meta:
        icon = "link"
        template = "components/blocks/call_to_action.html"


class ListItemBlock(blocks.StructBlock):
    term = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text="Optional bold lead-in, e.g. 'Rest and recovery'. A colon is added for you.",
    )
    text = blocks.TextBlock()

    class Meta:
        icon = "radio-full"
        label = "Item"


class ItemListBlock(blocks.StructBlock):
    """A bulleted or numbered list whose items may start with a bold term ("Pain relief: …")."""

    style = blocks.ChoiceBlock(
        choices=[("bulleted", "Bullets"), ("numbered", "Numbers (when order matters)")],
        default="bulleted",
    )
    items = blocks.ListBlock(ListItemBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        label = "List"
        template = "components/blocks/item_list.html"


class CareCardBlock(blocks.StructBlock):
    """When to get help, and how fast: the warning signs a patient must not sit on."""

    urgency = blocks.ChoiceBlock(
        choices=[
            ("call_us", "Call the practice (not urgent)"),
            ("urgent", "Urgent: get help today"),
            ("emergency", "Emergency: call 911"),
        ],
        default="urgent",
    )
    heading = blocks.CharBlock(max_length=120, help_text="e.g. 'Call us the same day if you have:'")
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        label = "Care card (when to get help)"
        template = "components/blocks/care_card.html"


class FAQBlock(blocks.StructBlock):
    """One question patients ask, with its answer. Treatment pages and the FAQ page list these,
    and say so in JSON-LD (FAQPage) through `faq_page_node` in website/structured_data.py."""

    question = blocks.CharBlock(max_length=200, help_text="As a patient would ask it.")
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        label = "Question and answer"
        template = "components/blocks/faq.html"


# The StreamField value every FAQ list uses: `StreamField(FAQ_BLOCKS, blank=True)`.
FAQ_BLOCKS = [("faq", FAQBlock())]

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
    page = OptionalPageBlock(required=False)

    class Meta:
        icon = "list-ul"
        template = "components/blocks/service_teaser.html"
