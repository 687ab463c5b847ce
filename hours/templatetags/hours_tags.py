from django import template

from hours.models.saved_schedule import summary_for_request
from hours.notices import holiday_hours_page
from website.site_memo import memoised_tag

register = template.Library()


@register.simple_tag(takes_context=True)
def hours_summary(context):
    """Today's status, the weekly hours and the closures to come, or None (no site)."""
    request = context.get("request")
    return summary_for_request(request) if request is not None else None


@register.simple_tag(takes_context=True)
@memoised_tag("holiday-hours-url", without_request="")
def holiday_hours_url(context) -> str:
    request = context["request"]
    page = holiday_hours_page(request)
    return page.get_url(request) if page is not None else ""
