from dataclasses import dataclass

from django import template
from wagtail.models import Site

from website.page_serving import public
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
    offices = list(public(LocationPage.objects.in_site(site).live()).order_by("path")[:2])
    index = public(LocationIndexPage.objects.in_site(site).live()).first()
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
