"""Wrong passwords lock sign-in (django-axes); an administrator can unlock at once."""

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory

from website.client_ip import client_ip

from .factories import PASSWORD, StaffFactory, login_verified

pytestmark = pytest.mark.django_db


def attempt(client, username, password, **extra):
    return client.post("/admin/login/", {"username": username, "password": password}, **extra)


def test_wrong_password_n_times_locks_out_even_the_right_password(client, settings):
    staff = StaffFactory(is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attempt(client, staff.username, "wrong")
        assert response.status_code == 200  # the form again, with its error
    locked = attempt(client, staff.username, "wrong")
    assert locked.status_code == 429
    assert "Sign-in temporarily locked" in locked.content.decode()
    # Now even the right password is refused, with the same clear message.
    again = attempt(client, staff.username, PASSWORD)
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_administrator_unlocks_from_the_admin(client, settings):
    staff = StaffFactory(is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, staff.username, "wrong")
    assert attempt(client, staff.username, PASSWORD).status_code == 429

    admin_client = client.__class__()
    login_verified(admin_client, StaffFactory(is_superuser=True))
    listing = admin_client.get("/admin/locked_sign_ins/")
    assert staff.username in listing.content.decode()
    lock = AccessAttempt.objects.get(username=staff.username)
    delete = admin_client.post(f"/admin/locked_sign_ins/delete/{lock.pk}/")
    assert delete.status_code == 302

    assert attempt(client, staff.username, PASSWORD).status_code == 302


def test_lockout_is_per_client_address_not_global(client, settings):
    staff = StaffFactory(is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, staff.username, "wrong", REMOTE_ADDR="203.0.113.9")
    # Someone else guessing cannot lock the real staff member out of their own desk.
    assert attempt(client, staff.username, PASSWORD, REMOTE_ADDR="198.51.100.7").status_code == 302


def test_client_address_comes_only_from_the_configured_header(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5"
    )
    settings.CLIENT_IP_HEADER = ""
    assert client_ip(request) == "10.0.0.2"  # a forged header is ignored without a proxy
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    assert client_ip(request) == "203.0.113.5"  # the entry our proxy appended
