"""The page editor's form, with a slug clash explained: which page holds the address, whether
it is a draft (often one left from an abandoned first try), and a link to open it."""

from django.urls import reverse
from django.utils.html import format_html
from wagtail.admin.forms import WagtailAdminPageForm


class PracticePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        # Wagtail's own check has taken the slug out of cleaned_data when it is in use.
        slug = self.data.get(self.add_prefix("slug"))
        if not slug or not self.has_error("slug") or self.parent_page is None:
            return cleaned_data
        holder = (
            self.parent_page.get_children().filter(slug=slug).exclude(pk=self.instance.pk).first()
        )
        if holder is not None:
            # Replaces Wagtail's "already in use", which says neither by what nor what to do.
            self.errors["slug"] = self.error_class([slug_taken_message(slug, holder)])
        return cleaned_data


def slug_taken_message(slug: str, holder) -> str:
    kind = "page" if holder.live else "draft"
    return format_html(
        "The address “{}” is used by the {} “{}”. "
        '<a href="{}">Open that {}</a> to finish or delete it, or choose another slug.',
        slug,
        kind,
        holder.get_admin_display_title(),
        reverse("wagtailadmin_pages:edit", args=[holder.pk]),
        kind,
    )
