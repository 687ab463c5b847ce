"""The article body: the shared body blocks plus what articles need on top."""

from wagtail import blocks

from website.blocks import BodyBlock, CareCardBlock, ItemListBlock


class NumberedSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, help_text="e.g. 'Poor running form or posture'.")
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "title"
        label = "Section"


class NumberedSectionsBlock(blocks.StructBlock):
    """Numbered sub-sections, each with its own heading: '1. Facet joint dysfunction', '2. …'.

    Kept as one ordered list so the numbers follow the order and screen readers announce them,
    while each item's heading still shows up in the page's outline.
    """

    sections = blocks.ListBlock(NumberedSectionBlock(), min_num=1)

    class Meta:
        icon = "list-ol"
        label = "Numbered sections (causes, steps, …)"
        template = "blog/blocks/numbered_sections.html"


class ArticleBodyBlock(BodyBlock):
    list = ItemListBlock()
    numbered_sections = NumberedSectionsBlock()
    care_card = CareCardBlock()
