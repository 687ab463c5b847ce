"""What website/page_serving.py, site_memo.py and page_cache.py take from Wagtail, treebeard and
django-csp beyond their documented API. Each test pins one of those internals: when an upgrade
changes it, the test that names it fails here, rather than pages turning slow or wrong."""

import inspect
from unittest import mock

import pytest
from django.http import HttpResponse
from wagtail.models import Page, PageViewRestriction, Site, get_page_models

from website.middleware import ContentSecurityPolicyMiddleware
from website.models import HomePage, StandardPage
from website.page_serving import PageServingMixin

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_every_page_type_has_the_mixin_right_before_page():
    """Its route() and get_view_restrictions() must come before Page's, and after
    RoutablePageMixin's (whose own routes come first)."""
    for model in get_page_models():
        if model is not Page:
            mro = model.__mro__
            assert mro.index(PageServingMixin) == mro.index(Page) - 1, model


def test_wagtail_finds_a_page_by_calling_route_on_the_site_root_with_path_components(
    client, home_page, page_cache_off
):
    """PageServingMixin.route overrides Page.route(request, path_components)."""
    assert list(inspect.signature(Page.route).parameters) == ["self", "request", "path_components"]
    about = StandardPageFactory(parent=home_page, slug="about")
    StandardPageFactory(parent=about, slug="team")
    calls = []
    route = HomePage.route

    def recorded(page, request, path_components):
        calls.append((type(page), page.pk, list(path_components)))
        return route(page, request, path_components)

    with mock.patch.object(HomePage, "route", recorded):
        assert client.get("/about/team/").status_code == 200
    assert calls == [(HomePage, home_page.pk, ["about", "team"])]


def test_get_parent_uses_the_parent_a_route_left_on_the_child(home_page, django_assert_num_queries):
    """Routing sets the child's `_cached_parent_obj`, as Wagtail's own Page.route does; treebeard's
    get_parent() returns it without a query."""
    child = Page.objects.get(pk=StandardPageFactory(parent=home_page).pk)
    child._cached_parent_obj = home_page
    with django_assert_num_queries(0):
        assert child.get_parent() is home_page


def test_serving_checks_restrictions_through_get_view_restrictions(
    client, home_page, page_cache_off
):
    """PageServingMixin.get_view_restrictions skips the queries while nothing is restricted;
    Wagtail's check before serving must be what calls it."""
    page = StandardPageFactory(parent=home_page, slug="staff-only")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    assert 'name="password"' in client.get(page.url).content.decode()
    unrestricted = PageViewRestriction.objects.none()
    with mock.patch.object(StandardPage, "get_view_restrictions", return_value=unrestricted):
        assert 'name="password"' not in client.get(page.url).content.decode()


def test_wagtail_keeps_a_requests_site_on_request_wagtail_site(
    rf, home_page, django_assert_num_queries
):
    """SiteLookupMiddleware puts the site it keeps where Site.find_for_request looks first."""
    site = Site.objects.get()
    request = rf.get("/")
    request._wagtail_site = site
    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is site
    fresh = rf.get("/")
    assert Site.find_for_request(fresh) == site and fresh._wagtail_site is not None


def test_a_csp_nonce_reads_false_until_a_template_uses_it(rf):
    """The page cache stores no response whose request's nonce was used (django-csp's lazy
    `request.csp_nonce` is false until evaluated, and after the response if never used)."""
    unused, used = rf.get("/"), rf.get("/")
    middleware = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())
    for request in (unused, used):
        middleware.process_request(request)
        assert not request.csp_nonce
    assert str(used.csp_nonce)
    for request in (unused, used):
        middleware.process_response(request, HttpResponse())
    assert not unused.csp_nonce
    assert used.csp_nonce


def test_wagtail_routes_from_the_site_roots_localized_property(client, home_page, page_cache_off):
    """Page.route_for_request starts from `site.root_page.localized.specific`; SiteLookupMiddleware
    keeps the site with its root page as its own type, so that `.localized` is
    PageServingMixin's (no query) rather than Page's (a Locale query a request, two in Spanish)."""
    calls = []
    localized = PageServingMixin.localized

    def recorded(page):
        calls.append(type(page))
        return localized.fget(page)

    with mock.patch.object(PageServingMixin, "localized", property(recorded)):
        assert client.get("/").status_code == 200
    assert HomePage in calls
