"""The holiday banner: a site-wide notice while a closure (or special hours) is coming up within
the days staff chose, or under way. It names the entry and links to the holiday hours page."""

from django.utils import timezone
from wagtail.models import Site

from website.page_serving import active_locale_id, public
from website.site_notices import SiteNotice

from .models import HolidayHoursPage, HoursSettings
from .models.saved_schedule import schedule_for_request


def holiday_hours_page(request) -> HolidayHoursPage | None:
    site = Site.find_for_request(request)
    if site is None:
        return None
    pages = public(HolidayHoursPage.objects.live()).in_site(site)
    return pages.filter(locale_id=active_locale_id()).first()


def holiday_banner(request) -> SiteNotice | None:
    schedule = schedule_for_request(request)
    if schedule is None:
        return None
    hours = HoursSettings.for_request(request)
    if not hours.banner_enabled:
        return None
    now = timezone.now()
    entries = schedule.banner_entries(now, hours.banner_days_ahead)
    if not entries:
        return None
    # The link names the first full closure if there is one: that is what patients plan around.
    entry = next((e for e in entries if e.closed), entries[0])
    page = holiday_hours_page(request)
    return SiteNotice(
        label="Holiday hours",
        message=hours.banner_message,
        link_url=page.get_url(request) if page is not None else "",
        link_text=f"{entry.label}: {entry.dates_text(schedule.today(now))}",
    )
