"""Staff sessions end after inactivity and everywhere when the password changes."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from .factories import PASSWORD, StaffFactory, login_verified

pytestmark = pytest.mark.django_db


def test_session_times_out_after_inactivity_and_activity_keeps_it(settings):
    client = Client()
    login_verified(client, StaffFactory(is_superuser=True))
    idle = settings.SESSION_COOKIE_AGE
    start = timezone.now()
    with time_machine.travel(start + timedelta(seconds=idle - 60)):
        assert client.get("/admin/").status_code == 200  # still active: the session slides
    with time_machine.travel(start + timedelta(seconds=2 * idle - 120)):
        assert client.get("/admin/").status_code == 200
    with time_machine.travel(start + timedelta(seconds=3 * idle)):
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_session_cookie_is_http_only(client):
    staff = StaffFactory(is_superuser=True)
    client.post("/admin/login/", {"username": staff.username, "password": PASSWORD})
    assert client.cookies["sessionid"]["httponly"]


def test_password_change_signs_out_every_other_session():
    staff = StaffFactory(is_superuser=True)
    desk, laptop = Client(), Client()
    login_verified(desk, staff)
    login_verified(laptop, staff)
    staff.set_password("a brand new long passphrase")
    staff.save()
    for client in (desk, laptop):
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
