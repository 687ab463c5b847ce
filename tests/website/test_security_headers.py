import pytest
from django.contrib.auth import get_user_model

from tests.accounts.factories import login_verified

pytestmark = pytest.mark.django_db


def directives(header: str) -> dict[str, str]:
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


def test_public_pages_get_a_strict_nonce_policy(client, home_page):
    response = client.get("/")
    csp = directives(response["Content-Security-Policy"])
    assert csp["object-src"] == "object-src 'none'"
    assert csp["base-uri"] == "base-uri 'self'"
    assert csp["frame-ancestors"] == "frame-ancestors 'none'"
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_admin_gets_its_own_looser_policy(client, home_page):
    admin = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw-long-enough")
    login_verified(client, admin)
    response = client.get("/admin/")
    assert response.status_code == 200
    csp = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["frame-ancestors"] == "frame-ancestors 'self'"
    assert csp["object-src"] == "object-src 'none'"
