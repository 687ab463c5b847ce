from django import template

from website.page_serving import active_locale_id, public
from website.site_pages import site_pages

from ..models import NoticePage

register = template.Library()


@register.simple_tag(takes_context=True)
def notice_links(context) -> list[tuple[str, str]]:
    """(title, URL) of each live notice in the request's language, in page-tree order, for the
    footer. The footer is kept
    by the worker (site_footer in website_tags), so this runs once per content version."""
    request = context.get("request")
    if request is not None:  # read with the other pages every page links to
        return [(page.title, page.get_url(request)) for page in site_pages(request, NoticePage)]
    pages = public(NoticePage.objects.live().filter(locale_id=active_locale_id()))
    pages = pages.order_by("path").only("title", "url_path", "path")
    return [(page.title, page.get_url(request)) for page in pages]
