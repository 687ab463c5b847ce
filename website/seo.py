"""What search engines and link previews see of a page: canonical URL, description, Open Graph.

A page type can refine it with `seo_description()`, `seo_image(request)` (an absolute URL) and
`seo_type` ("article"); everything else is derived from the page's common fields.
"""

from django.conf import settings
from django.templatetags.static import static
from django.utils.text import Truncator

DEFAULT_IMAGE = "website/img/share.png"
DESCRIPTION_FIELDS = ("search_description", "intro", "summary", "hero_text")


def description_for(page) -> str:
    if page is None:
        return ""
    if hasattr(page, "seo_description"):
        text = page.seo_description()
    else:
        text = next((getattr(page, f) for f in DESCRIPTION_FIELDS if getattr(page, f, "")), "")
    return Truncator(" ".join(str(text).split())).chars(160)


def seo_for(request, page, title: str, practice_name: str) -> dict:
    image = page.seo_image(request) if page is not None and hasattr(page, "seo_image") else None
    return {
        "canonical": f"{settings.SITE_URL}{request.path}",
        "title": title,
        "description": description_for(page),
        "site_name": practice_name,
        "type": getattr(page, "seo_type", "website"),
        "image": image or f"{settings.SITE_URL}{static(DEFAULT_IMAGE)}",
        "image_alt": practice_name,
    }
