"""The holiday banner: a site-wide notice while a closure (or special hours) at any office is
coming up within the days staff chose, or under way. After the staff's wording it says what
happens, when and where ("Closed Wednesday, December 2 at Oak Brook (Staff training day).") and
links to the holiday hours page."""

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from website.site_notices import SiteNotice
from website.site_pages import first_site_page

from .models import HolidayHoursPage, HoursSettings
from .models.regular import DEFAULT_BANNER_MESSAGE
from .models.saved_schedule import every_entry, schedule_for_request
from .schedule import banner_entries, what_happens


def holiday_hours_page(request) -> Page | None:
    """The banner and the footer both link it: read once per request while the memo is off,
    with the other pages every page links to (website/site_pages.py)."""
    return first_site_page(request, HolidayHoursPage)


def holiday_banner(request) -> SiteNotice | None:
    schedule = schedule_for_request(request)
    if schedule is None:
        return None
    hours = HoursSettings.for_request(request)
    if not hours.banner_enabled:
        return None
    today = schedule.today(timezone.now())
    entries = banner_entries(every_entry(request), today, hours.banner_days_ahead)
    if not entries:
        return None
    page = holiday_hours_page(request)
    return SiteNotice(
        label=_("Holiday hours"),
        # The wording staff never changed is the site's own, in the page's language.
        message=_(message)
        if (message := hours.banner_message) == DEFAULT_BANNER_MESSAGE
        else message,
        details=tuple(what_happens(entry, today) for entry in entries),
        link_url=page.get_url(request) if page is not None else "",
        link_text=_("Holiday hours"),
    )
