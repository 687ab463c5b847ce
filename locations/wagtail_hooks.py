from django.conf import settings
from django.utils import translation
from wagtail import hooks

from hours.models.saved_schedule import (
    OFFICE_SCHEDULES_HOOK,
    OfficeSchedule,
    office_schedules_for_request,
)
from website.page_serving import active_locale_id, linked_with_translations
from website.site_pages import SITE_PAGES_HOOK
from website.structured_data import CLINIC_STRUCTURED_DATA_HOOK

from .models import LocationIndexPage, LocationPage
from .models.index import live_offices
from .models.office import weekly_intervals_of
from .schedules import offices_with_hours
from .structured_data import practice_with_offices


@hooks.register(OFFICE_SCHEDULES_HOOK)
def office_schedules(site, now, public_only=True) -> list[OfficeSchedule]:
    """Every published office of the site, the main one (first in the page tree) first: the
    footer, the banner and the holiday hours page read them through the hours app. Each is in
    the active language (the page's: the worker keeps them per language) where it is
    translated; its schedule is its English page's, which closures tick."""
    offices = live_offices(LocationPage.objects.in_site(site), public_only)
    if not public_only or translation.get_language() == settings.LANGUAGE_CODE:
        # In English; or for the cache's expiry, which reads only the schedules.
        shown = names = {}
    else:
        # The offices and their translations in one query: the same count as in English.
        rows = list(linked_with_translations(offices))
        locale_id = active_locale_id()
        shown = {page.translation_key: page for page in rows if page.locale_id == locale_id}
        offices = [page for page in rows if page.locale_id != locale_id]
        # Closures name the offices they are for (their English pages) as this language does.
        names = {office.pk: shown.get(office.translation_key, office).title for office in offices}
    offices = list(offices)
    weeks = weekly_intervals_of(offices)
    schedules = []
    for item in offices_with_hours(offices, now, names=names, weeks=weeks):
        page = shown.get(item.office.translation_key, item.office)
        schedules.append(OfficeSchedule(page.title, page.get_url(), item.schedule, page))
    return schedules


# After the hours app's hook (order 0), which gave the practice the main office's hours.
@hooks.register(CLINIC_STRUCTURED_DATA_HOOK, order=100)
def offices_of_the_practice(request, clinic: dict) -> None:
    # The offices the footer and banner read (office_schedules above, kept per request and by
    # the worker): reading them again cost two queries on every cold view.
    offices = [kept.page for kept in office_schedules_for_request(request) if kept.page]
    if offices:
        practice_with_offices(clinic, offices, request)


@hooks.register(SITE_PAGES_HOOK)
def location_index_pages():
    return LocationIndexPage, "site"  # the footer's link to every office
