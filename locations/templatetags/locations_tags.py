from dataclasses import dataclass

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from wagtail.models import Site

from website.page_serving import in_site_language, public
from website.site_memo import memoised_tag, remember

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


# Where an office's card on /locations/ takes today's status (a string no office's text holds).
STATUS_SLOT = "\x00status\x00"


@register.simple_tag(takes_context=True)
def location_card(context, office) -> tuple[str, str]:
    """An office's card on /locations/ as the HTML before and after its status. The card (name,
    address, phone, directions) depends on the content alone, so it is kept with the site-wide
    fragments until the next save; "Open now" is put between the two parts at every view.
    Twenty cards were most of the page's work (phone links, addresses, URLs, includes)."""
    request = context.get("request")

    def render() -> tuple[str, str]:
        html = render_to_string(
            "components/location_card.html", {"office": office, "status_slot": STATUS_SLOT}, request
        )
        before, after = html.split(STATUS_SLOT)
        # Both halves of a template Django rendered and escaped; split() returns plain strings.
        return mark_safe(before), mark_safe(after)  # noqa: S308

    if request is None:
        return render()
    return remember(request, f"location-card:{office.pk}", render)
