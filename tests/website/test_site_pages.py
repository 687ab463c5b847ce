"""The pages every page links to (website/site_pages.py), read together: the main navigation, the
holiday hours page and the locations page of the request's site and language, and the notices in
its language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from hours.models import HolidayHoursPage
from locations.models import LocationIndexPage
from notices.models import NoticePage
from website import site_memo
from website.page_serving import active_locale_id, site_has_view_restrictions
from website.site_pages import first_site_page, menu_pages, site_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_cold(rf, settings):
    """A request as SiteLookupMiddleware leaves it while nothing is kept between requests."""
    settings.SITE_MEMO_SECONDS = 0
    request = rf.get("/")
    request._wagtail_site = site_memo._with_specific_root(Site.objects.get(is_default_site=True))
    outer = getattr(site_memo._this_request, "store", None)
    site_memo._this_request.store = {}
    yield request
    site_memo._this_request.store = outer


def expected(model, language: str) -> list[int]:
    pages = model.objects.live().filter(locale__language_code=language).order_by("path")
    return list(pages.values_list("pk", flat=True))


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_type_in_the_request_language_in_one_query(demo, request_cold, language):
    with translation.override(language):
        # What routing the request has read already.
        (
            active_locale_id(),
            site_has_view_restrictions(),
            request_cold._wagtail_site.root_page.localized,
        )
        with CaptureQueriesContext(connection) as captured:
            holiday = first_site_page(request_cold, HolidayHoursPage)
            index = first_site_page(request_cold, LocationIndexPage)
            notices = site_pages(request_cold, NoticePage)
            menu = menu_pages(request_cold)
        assert len(captured) == 1
        root = request_cold._wagtail_site.root_page.localized
        assert [page.pk for page in menu] == [
            page.pk for page in root.get_children().live().in_menu().order_by("path")
        ]
        assert len(menu) > 2
        assert [holiday.pk] == expected(HolidayHoursPage, language)[:1]
        assert [index.pk] == expected(LocationIndexPage, language)[:1]
        assert [page.pk for page in notices] == expected(NoticePage, language)
        assert len(notices) > 1
        # Plain pages, linked by their URLs as their own type would be.
        assert type(holiday) is Page
        assert holiday.get_url(request_cold) == HolidayHoursPage.objects.get(pk=holiday.pk).url


def test_a_restricted_or_unpublished_page_is_left_out(demo, request_cold):
    first, second, *_ = NoticePage.objects.live().filter(locale__language_code="en")
    in_menu = request_cold._wagtail_site.root_page.get_children().live().in_menu().first()
    PageViewRestriction.objects.create(page=first, restriction_type="login")
    PageViewRestriction.objects.create(page=in_menu, restriction_type="login")
    second.unpublish()
    shown = [page.pk for page in site_pages(request_cold, NoticePage)]
    assert shown and first.pk not in shown and second.pk not in shown
    menu = [page.pk for page in menu_pages(request_cold)]
    assert menu and in_menu.pk not in menu
