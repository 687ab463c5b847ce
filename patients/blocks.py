"""A form patients print before their first visit: a Wagtail document, PDF only."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class PrintableFormBlock(blocks.StructBlock):
    document = DocumentChooserBlock(help_text="A PDF from Documents.")
    title = blocks.CharBlock(max_length=120, help_text="E.g. 'Patient health history'.")
    description = blocks.CharBlock(
        required=False, max_length=250, help_text="E.g. 'Fill in and bring to your first visit.'"
    )

    class Meta:
        icon = "doc-full"
        label = "Form to print"
        template = "patients/blocks/printable_form.html"

    def clean(self, value):
        value = super().clean(value)
        document = value.get("document")
        if document is not None and document.file_extension.lower() != "pdf":
            raise blocks.StructBlockValidationError(
                {"document": ValidationError("Choose a PDF: patients print these forms.")}
            )
        return value
