from dataclasses import dataclass

from django import template
from django.conf import settings
from django.template.loader import render_to_string

from website.models import PracticeSettings
from website.page_serving import in_active_language
from website.site_memo import memoised_tag
from website.site_notices import notices_for
from website.site_pages import menu_pages

register = template.Library()


@dataclass(frozen=True)
class NavLink:
    pk: int
    title: str
    url: str
    url_path: str  # Wagtail's tree path, to mark the section a page sits in


@register.simple_tag(takes_context=True)
@memoised_tag("site-notices", without_request=[])
def site_notices(context):
    return notices_for(context["request"])


@register.simple_tag(takes_context=True)
@memoised_tag("main-navigation", without_request=[])
def main_navigation(context) -> list[NavLink]:
    """Top-level pages an editor ticked 'Show in menus' on, in tree order."""
    request = context["request"]
    # Read with the other pages every page links to (website/site_pages.py).
    pages = menu_pages(request)
    return [NavLink(p.pk, p.title, p.get_url(request), p.url_path) for p in pages]


@register.simple_tag(takes_context=True)
@memoised_tag("appointment-url", without_request="")
def appointment_url(context) -> str:
    """The URL of the appointment request page chosen in Practice details, or ''."""
    request = context["request"]
    page = in_active_language(PracticeSettings.for_request(request).appointment_page)
    if page is None or not page.live:
        return ""
    return page.get_url(request=request)


@register.filter
def in_page_language(page):
    """A page chosen in a setting (staff choose the English one) in the request's language,
    where it has a live translation: `{% pageurl practice.privacy_page|in_page_language %}`."""
    return in_active_language(page)


@register.simple_tag(takes_context=True)
@memoised_tag("site-footer")
def site_footer(context) -> str:
    """The footer (contact details, today's hours), the same on every page."""
    request = context.get("request")
    flat = {"request": request, "practice": context.get("practice")}
    return render_to_string("components/footer.html", flat, request)


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's JSON-LD graph: the clinic, plus whatever the page type adds."""
    from website.structured_data import graph_for, render_graph

    request = context.get("request")
    if request is None:
        return ""
    return render_graph(graph_for(request, context.get("page")))


@register.inclusion_tag("components/seo_meta.html", takes_context=True)
def seo_meta(context, title, description=""):
    """Canonical link, meta description, Open Graph and Twitter card tags. A view may name
    another page as canonical (`canonical_url` in the context: the large-print handout names
    the standard one); a page without a page object (search, not found) passes its description."""
    from website.seo import seo_for

    request = context["request"]
    practice = PracticeSettings.for_request(request)
    seo = seo_for(request, context.get("page"), title, practice.name)
    if context.get("canonical_url"):
        seo["canonical"] = context["canonical_url"]
    if description and not seo["description"]:
        seo["description"] = description
    return {"seo": seo}


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the site's other languages (or their home page, saying so)."""
    from website.languages import language_versions

    request = context.get("request")
    if request is None:
        return {"versions": []}
    versions = language_versions(request, context.get("page"))
    return {"others": [version for version in versions if not version.current]}


@register.inclusion_tag("components/hreflang.html", takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for each language this very page exists in."""
    from website.languages import language_versions

    request = context.get("request")
    if request is None or context.get("page") is None:
        return {"versions": []}
    versions = language_versions(request, context["page"])
    # English first (settings.LANGUAGES' order): x-default, for any other language, is English.
    translated = [version for version in versions if version.translated]
    return {"versions": translated if len(translated) > 1 else [], "site_url": settings.SITE_URL}
