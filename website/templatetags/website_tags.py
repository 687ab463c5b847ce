from django import template
from wagtail.models import Site

from website.site_notices import notices_for

register = template.Library()


@register.simple_tag(takes_context=True)
def site_notices(context):
    request = context.get("request")
    return notices_for(request) if request is not None else []


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """Top-level pages an editor ticked 'Show in menus' on, in tree order."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    return site.root_page.get_children().live().public().in_menu().specific()


@register.simple_tag(takes_context=True)
def appointment_url(context):
    """The URL of the appointment request page chosen in Practice details, or ''."""
    practice = context["settings"]["website"]["PracticeSettings"]
    page = practice.appointment_page
    if page is None or not page.live:
        return ""
    return page.get_url(request=context.get("request"))


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's JSON-LD graph: the clinic, plus whatever the page type adds."""
    from website.structured_data import graph_for, render_graph

    request = context.get("request")
    if request is None:
        return ""
    return render_graph(graph_for(request, context.get("page")))


@register.inclusion_tag("components/seo_meta.html", takes_context=True)
def seo_meta(context, title):
    """Canonical link, meta description, Open Graph and Twitter card tags."""
    from website.seo import seo_for

    practice = context["settings"]["website"]["PracticeSettings"]
    return {"seo": seo_for(context["request"], context.get("page"), title, practice.name)}
