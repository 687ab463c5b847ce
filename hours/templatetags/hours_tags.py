from django import template
from django.template.loader import render_to_string
from django.utils import timezone

from hours.models.saved_schedule import OfficeSchedule, summary_for_request
from hours.notices import holiday_hours_page
from website.site_memo import memoised_tag, remember

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


@register.simple_tag(takes_context=True)
def coming_week(context, office: OfficeSchedule):
    """An office's coming seven days as a table (/holiday-hours/ shows one per office). It
    depends on the content and on the office's local date alone, so its HTML is kept with the
    site-wide fragments (website/site_memo.py: until the next save, at most SITE_MEMO_SECONDS)
    under that date, so the office's midnight starts a new one: a practice group's twenty weeks
    are rendered once, not at every view. An office with no page is rendered each time."""
    request = context.get("request")
    now = timezone.now()
    today = office.schedule.today(now)

    def render() -> str:
        days = office.schedule.coming_days(now)
        return render_to_string(
            "components/office_coming_week.html", {"office": office, "days": days}
        )

    if request is None or office.page is None:
        return render()
    key = f"coming-week:{office.page.pk}:{today.isoformat()}"
    return remember(request, key, render)  # render_to_string's SafeString, kept as it is
