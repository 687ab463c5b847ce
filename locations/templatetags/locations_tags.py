from dataclasses import dataclass

from django import template
from wagtail.models import Site

from website.page_serving import in_site_language, public
from website.site_memo import memoised_tag

from ..models import LocationIndexPage, LocationPage

register = template.Library()


@dataclass(frozen=True)
class MainOffice:
    name: str
    address_lines: list[str]
    directions_url: str
    url: str
    all_locations_url: str
    count: int


@register.simple_tag(takes_context=True)
@memoised_tag("main-office", without_request=None)
def main_office(context) -> MainOffice | None:
    """The footer's office: the first in the page tree, and the link to all of them."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return None
    # The offices in the request's language (each office is translated with its page).
    offices = public(in_site_language(LocationPage.objects.live(), site))
    offices = list(offices.order_by("path")[:2])
    index = public(in_site_language(LocationIndexPage.objects.live(), site)).first()
    if not offices:
        return None
    office = offices[0]
    return MainOffice(
        name=office.title,
        address_lines=office.address_lines,
        directions_url=office.directions_url,
        url=office.get_url(request),
        all_locations_url=index.get_url(request) if index is not None else "",
        count=len(offices),
    )
