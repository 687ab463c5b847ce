"""Wrong passwords lock sign-in (django-axes); an administrator can unlock at once."""

import pytest
from axes.models import AccessAttempt

from .factories import PASSWORD, StaffFactory, login_verified

pytestmark = pytest.mark.django_db


def attempt(client, username, password, **extra):
    return client.post("/admin/login/", {"username": username, "password": password}, **extra)


def test_wrong_password_n_times_locks_out_even_the_right_password(
    client, settings, behind_our_proxy
):
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


def test_an_administrator_unlocks_from_the_admin(client, settings, behind_our_proxy):
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


def test_lockout_is_per_client_address_not_global(client, settings, behind_our_proxy):
    staff = StaffFactory(is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, staff.username, "wrong", REMOTE_ADDR="203.0.113.9")
    # Someone else guessing cannot lock the real staff member out of their own desk.
    assert attempt(client, staff.username, PASSWORD, REMOTE_ADDR="198.51.100.7").status_code == 302


@pytest.fixture
def behind_our_proxy(settings):
    """The production shape: our front server (10.0.0.2) overwrites X-Forwarded-For with the
    address it received the connection from, and the settings name it as the trusted proxy."""
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXIES = ["10.0.0.2"]


def test_a_rotated_forwarded_for_header_does_not_escape_the_lockout(
    client, settings, behind_our_proxy
):
    """Straight to the app server, not through our proxy: the header is the client's own say."""
    staff = StaffFactory(is_staff=True)
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(
            client,
            staff.username,
            "wrong",
            REMOTE_ADDR="198.51.100.66",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )
    locked = attempt(
        client,
        staff.username,
        PASSWORD,
        REMOTE_ADDR="198.51.100.66",
        HTTP_X_FORWARDED_FOR="192.0.2.200",
    )
    assert locked.status_code == 429


def test_nobody_can_lock_staff_out_by_claiming_their_address(client, settings, behind_our_proxy):
    staff = StaffFactory(is_staff=True)
    desk = "203.0.113.5"  # the staff member's own address, as our proxy reports it
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(
            client, staff.username, "wrong", REMOTE_ADDR="198.51.100.66", HTTP_X_FORWARDED_FOR=desk
        )
    own = attempt(
        client, staff.username, PASSWORD, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=desk
    )
    assert own.status_code == 302


def test_through_our_proxy_each_client_is_locked_on_its_own(client, settings, behind_our_proxy):
    staff = StaffFactory(is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(
            client,
            staff.username,
            "wrong",
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="198.51.100.66",
        )
    guesser = attempt(
        client,
        staff.username,
        PASSWORD,
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.66",
    )
    assert guesser.status_code == 429
    # The proxy's own address is shared by everyone: the staff member behind it is not locked.
    own = attempt(
        client, staff.username, PASSWORD, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.5"
    )
    assert own.status_code == 302
