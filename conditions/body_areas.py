"""The parts of the body patients filter conditions and treatments by: `?area=<slug>` on the A-Z.

A page says which areas it concerns with one tick box each (BodyAreasMixin): four fixed areas a
practice of this kind does not change, filtered and shown without a query of their own.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

# slug (in the address) -> (label, the field that holds it), in the order patients see them.
BODY_AREAS = {
    "neck": (_("Neck"), "area_neck"),
    "mid-back": (_("Mid back"), "area_mid_back"),
    "low-back": (_("Low back"), "area_low_back"),
    "legs": (_("Legs"), "area_legs"),
}


class BodyAreasMixin(models.Model):
    area_neck = models.BooleanField("neck", default=False)
    area_mid_back = models.BooleanField("mid back", default=False)
    area_low_back = models.BooleanField("low back", default=False)
    area_legs = models.BooleanField("legs", default=False)

    body_area_panels = [
        MultiFieldPanel(
            [FieldPanel(field) for _label, field in BODY_AREAS.values()],
            heading="Body areas",
            help_text="Where patients feel it. The A-Z list filters by these.",
        )
    ]

    class Meta:
        abstract = True

    @property
    def body_area_labels(self) -> list[str]:
        return [label for label, field in BODY_AREAS.values() if getattr(self, field)]


def body_area_filter(slug: str) -> dict | None:
    """The queryset filter for an area's slug, or None when no area has that slug."""
    if slug not in BODY_AREAS:
        return None
    return {BODY_AREAS[slug][1]: True}
