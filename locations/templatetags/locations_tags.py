from dataclasses import dataclass

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Site

from hours.models.saved_schedule import office_schedules_for_request
from website.page_serving import in_site_language, public
from website.site_memo import memoised_tag, remember
from website.site_pages import first_site_page

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
    if translation.get_language() == settings.LANGUAGE_CODE:
        # The offices the banner, the footer's hours and the JSON-LD read (kept per request and
        # by the worker): in English they are exactly these, and reading them again cost two
        # queries on every cold view.
        offices = [kept.page for kept in office_schedules_for_request(request) if kept.page][:2]
    else:
        # The offices in the request's language (each office is translated with its page).
        offices = public(in_site_language(LocationPage.objects.live(), site))
        offices = list(offices.order_by("path")[:2])
    index = first_site_page(request, LocationIndexPage)
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


@register.simple_tag(takes_context=True)
def location_cards(context, offices) -> str:
    """Every office's card on /locations/ (name, address, phone, today's status, directions) as
    HTML. It depends on the content and on the statuses, each of which says until when it is
    true (`valid_until`): kept with the site-wide fragments, it is used until the earliest of
    those moments and rendered afresh after. Twenty cards were most of the page's work."""
    request = context.get("request")
    now = timezone.now()

    def render() -> tuple:
        html = render_to_string("components/location_cards.html", {"offices": offices}, request)
        statuses = [item.hours.status for item in offices if item.hours.status is not None]
        until = min((s.valid_until for s in statuses if s.valid_until is not None), default=None)
        return now, until, html

    page = context.get("page")
    if request is None or page is None:
        return render()[2]
    built_at, until, html = remember(request, f"location-cards:{page.pk}", render)
    if now < built_at or (until is not None and now >= until):
        return render()[2]
    return html  # render_to_string's SafeString, kept as it is
