"""Two web nodes, as a practice group runs them: two gunicorn processes, each with a media folder
of its own, one database (the test database: SQLite file or PostgreSQL) and one Redis cache (a
redis-server of the test's own). A publish, a closure and a setting saved through node A's admin
show on node B, and on A, on the next request once the content version's recheck interval has
passed (website/invalidation.py): the page cache in Redis, each node's memory of site-wide
fragments and its routing index all follow the version in the database."""

import secrets
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Site

from hours.models import Closure
from tests.accounts.factories import login_verified
from tests.hours.test_admin import closure_post, weekly_post

from .factories import StandardPageFactory, build_site

pytestmark = pytest.mark.django_db(transaction=True)


def get(node, path: str, headers=None) -> tuple[int, dict, str]:
    request = urllib.request.Request(f"{node.url}{path}", headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode(errors="replace")


class AdminSession:
    """A superuser signed in with both factors, talking to one node's admin over HTTP. The
    session lives in the shared database, so any node knows it."""

    def __init__(self, node):
        self.node = node
        user = get_user_model().objects.create_superuser("nodeadmin", "admin@example.com", "x")
        client = Client()
        login_verified(client, user)
        self.csrf = secrets.token_hex(16)  # a 32-character secret, as Django's cookie holds
        self.cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken={self.csrf}"

    def post(self, path: str, data: dict) -> int:
        request = urllib.request.Request(
            f"{self.node.url}{path}",
            data=urllib.parse.urlencode(data, doseq=True).encode(),
            headers={"Cookie": self.cookie, "X-CSRFToken": self.csrf},
        )
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a save answers 302: that is the answer we want to see


@pytest.fixture
def two_nodes(start_gunicorn, redis_server, tmp_path):
    home = build_site()
    StandardPageFactory(parent=home, title="About us", slug="about", show_in_menus=True)
    nodes = []
    for name in ("a", "b"):
        media = tmp_path / f"media-{name}"
        media.mkdir()
        nodes.append(start_gunicorn(MEDIA_ROOT=str(media), CACHE_URL=redis_server.url))
    return home, nodes


def warm(*nodes) -> None:
    """Every node has the home page in the shared cache and its fragments in memory."""
    for node in nodes:
        for _ in range(2):
            status, headers, _ = get(node, "/")
            assert status == 200
    assert headers["X-Cache"] == "HIT"


def after_recheck() -> None:
    """Each node thread reads the content version at most this often (website/invalidation.py)."""
    time.sleep(settings.CONTENT_VERSION_RECHECK_SECONDS + 0.1)


def test_a_publish_a_closure_and_a_setting_saved_on_node_a_show_on_node_b(two_nodes):
    home, (node_a, node_b) = two_nodes
    admin = AdminSession(node_a)
    draft = StandardPageFactory.build(title="Spinal cord stimulation", slug="stimulation",
                                      show_in_menus=True, live=False)  # fmt: skip
    home.add_child(instance=draft)
    draft.save_revision()
    warm(node_a, node_b)
    for node in (node_a, node_b):
        assert get(node, "/stimulation/")[0] == 404  # each node's routing index knows no such page
        assert "Spinal cord stimulation" not in get(node, "/")[2]

    # A publish, through node A's admin (the page listing's bulk Publish).
    publish = f"{reverse('wagtail_bulk_action', args=['wagtailcore', 'page', 'publish'])}"
    assert admin.post(f"{publish}?id={draft.pk}&next=/admin/", {}) == 302
    assert Page.objects.get(pk=draft.pk).live
    after_recheck()
    for node in (node_b, node_a):
        status, headers, html = get(node, "/")
        assert headers["X-Cache"] == "MISS", f"{node.url} served the home page cached before"
        assert 'href="/stimulation/"' in html, "the navigation (site-wide memo) shows the page"
        status, _, html = get(node, "/stimulation/")
        assert status == 200, "the routing index knows the new page"
        assert "Spinal cord stimulation" in html

    # A closure tomorrow, added on node A: the banner shows it on every page of both nodes.
    warm(node_a, node_b)
    tomorrow = datetime.now(ZoneInfo(settings.TIME_ZONE)).date() + timedelta(days=1)
    add_closure = reverse("wagtailsnippets_hours_closure:add")
    data = closure_post(label="Staff training day", start_date=tomorrow.isoformat(),
                        end_date=tomorrow.isoformat())  # fmt: skip
    assert admin.post(add_closure, data) == 302
    assert Closure.objects.filter(label="Staff training day").exists()
    after_recheck()
    for node in (node_b, node_a):
        for path in ("/", "/about/"):
            status, _, html = get(node, path)
            assert status == 200 and "Staff training day" in html, f"{node.url}{path}"

    # A setting (the banner's wording and the week's hours), saved on node A.
    warm(node_a, node_b)
    site = Site.objects.get(is_default_site=True)
    hours_settings = reverse("wagtailsettings:edit", args=["hours", "hourssettings", site.pk])
    message = "Our hours change over the holidays: see the calendar."
    week = [(day, "07:30", "15:30") for day in range(5)]
    assert admin.post(hours_settings, weekly_post(week, banner_message=message)) == 302
    after_recheck()
    for node in (node_b, node_a):
        status, _, html = get(node, "/about/")
        assert status == 200 and message in html, node.url
        assert "3:30" in html, "the footer's hours follow the setting"
