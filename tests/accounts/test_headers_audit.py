"""Every public page of the demo site, whatever its type, carries the security headers."""

import re

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db

THIRD_PARTY_SCRIPT = re.compile(r"<script[^>]+src=\"(https?:)?//(?!testserver)", re.I)


@pytest.fixture
def demo_pages(demo):
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    types = {type(page).__name__ for page in pages}
    assert {"HomePage", "StandardPage"} <= types
    return pages


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def test_every_public_page_type_sends_the_security_headers(client, demo_pages):
    for page in demo_pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        csp = directives(response["Content-Security-Policy"])
        assert csp["object-src"] == ["'none'"], page.url
        assert csp["base-uri"] == ["'self'"], page.url
        assert csp["frame-ancestors"] == ["'none'"], page.url
        assert "'unsafe-inline'" not in csp["script-src"], page.url
        assert response["X-Frame-Options"] == "DENY", page.url
        assert response["X-Content-Type-Options"] == "nosniff", page.url
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", page.url
        assert "geolocation=()" in response["Permissions-Policy"], page.url
        html = response.content.decode()
        assert not THIRD_PARTY_SCRIPT.search(html), f"third-party script on {page.url}"
        for nonce in re.findall(r'<script[^>]*nonce="([^"]+)"', html):
            assert f"'nonce-{nonce}'" in csp["script-src"], page.url


def test_privacy_notice_says_there_is_no_tracking(client, demo_pages):
    html = client.get("/privacy/").content.decode()
    assert "no third-party analytics" in html
    for tracker in ["googletagmanager", "google-analytics", "facebook.net", "hotjar"]:
        assert tracker not in html
