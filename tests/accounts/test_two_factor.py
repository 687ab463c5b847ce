"""Staff who can see patient data sign in with a second factor; nobody skips it by URL."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from .factories import PASSWORD, StaffFactory, login_verified

pytestmark = pytest.mark.django_db


def sign_in(client, user):
    return client.post("/admin/login/", {"username": user.username, "password": PASSWORD})


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


@pytest.fixture
def superuser():
    return StaffFactory(is_superuser=True, is_staff=True)


def test_password_alone_leads_to_enrolment_not_the_admin(client, superuser):
    response = sign_in(client, superuser)
    assert response.status_code == 302
    for url in ["/admin/", "/admin/pages/", "/admin/users/", "/admin/images/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/two-factor/setup/")


def test_enrolment_turns_on_two_factor_and_shows_recovery_codes_once(client, superuser):
    sign_in(client, superuser)
    page = client.get("/admin/two-factor/setup/")
    assert page.status_code == 200
    assert b"<svg" in page.content  # the QR code, drawn on the server
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)

    wrong = client.post("/admin/two-factor/setup/", {"token": "000000", "next": "/admin/pages/"})
    assert "did not match" in wrong.content.decode()
    # A wrong code slows the next try down (django-otp's throttling).
    too_soon = client.post("/admin/two-factor/setup/", {"token": current_code(device)})
    assert "Too many wrong codes" in too_soon.content.decode()
    device.refresh_from_db()
    device.throttle_reset()
    response = client.post(
        "/admin/two-factor/setup/", {"token": current_code(device), "next": "/admin/pages/"}
    )
    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    codes = StaticToken.objects.filter(device__user=superuser).values_list("token", flat=True)
    assert len(codes) == 10
    assert all(code in codes_page.content.decode() for code in codes)
    assert client.get(response["Location"]).status_code == 302  # shown once only
    assert client.get("/admin/").status_code == 200
    assert ModelLogEntry.objects.filter(action="accounts.two_factor_enrolled").exists()


def test_next_sign_in_asks_for_a_code_and_accepts_a_recovery_code_once(client, superuser):
    device = TOTPDevice.objects.create(user=superuser, name="app", confirmed=True)
    static = superuser.staticdevice_set.create(name="Recovery codes", confirmed=True)
    static.token_set.create(token="recover1")
    sign_in(client, superuser)
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/verify/")

    bad = client.post("/admin/two-factor/verify/", {"token": "123456"})
    assert "not valid" in bad.content.decode()
    # Every device now makes the next try wait; a moment later it may go ahead.
    too_soon = client.post("/admin/two-factor/verify/", {"token": "recover1"})
    assert "Too many wrong codes" in too_soon.content.decode()
    for throttled in [device, static]:
        throttled.refresh_from_db()
        throttled.throttle_reset()
    assert client.get("/admin/").status_code == 302

    assert client.post("/admin/two-factor/verify/", {"token": "recover1"}).status_code == 302
    assert client.get("/admin/").status_code == 200
    assert not static.token_set.exists()
    assert device.confirmed


def test_verify_refuses_to_redirect_off_site(client, superuser):
    device = TOTPDevice.objects.create(user=superuser, name="app", confirmed=True)
    sign_in(client, superuser)
    response = client.post(
        "/admin/two-factor/verify/", {"token": current_code(device), "next": "https://evil.test/"}
    )
    assert response["Location"] == "/admin/"


def test_staff_without_access_to_requests_are_not_asked(client, django_user_model):
    from django.contrib.auth.models import Permission

    editor = StaffFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in(client, editor)
    assert client.get("/admin/").status_code == 200


def test_superuser_resets_a_lost_device(client, superuser):
    staff = StaffFactory(is_superuser=True)
    TOTPDevice.objects.create(user=staff, name="lost phone", confirmed=True)
    login_verified(client, superuser)
    confirm = client.get(f"/admin/two-factor/reset/{staff.pk}/")
    assert "removes" in confirm.content.decode()
    response = client.post(f"/admin/two-factor/reset/{staff.pk}/")
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=staff).exists()
    assert ModelLogEntry.objects.filter(action="accounts.two_factor_reset").exists()


def test_only_superusers_may_reset(client, superuser):
    from django.contrib.auth.models import Permission

    other = StaffFactory()
    other.user_permissions.add(Permission.objects.get(codename="access_admin"))
    TOTPDevice.objects.create(user=superuser, name="app", confirmed=True)
    client.force_login(other)
    response = client.post(f"/admin/two-factor/reset/{superuser.pk}/")
    # Wagtail turns the refusal into a redirect home with "you do not have permission".
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert TOTPDevice.objects.filter(user=superuser).exists()


def test_front_desk_must_use_two_factors_to_see_requests(client, home_page):
    from django.contrib.auth.models import Group

    desk = StaffFactory()
    desk.groups.add(Group.objects.get(name="Front desk"))
    sign_in(client, desk)
    for url in ["/admin/", "/admin/appointment-requests/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/two-factor/setup/")
    login_verified(client, desk)
    assert client.get("/admin/appointment-requests/").status_code == 200
