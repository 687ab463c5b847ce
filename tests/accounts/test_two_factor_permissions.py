"""Every permission on appointment requests asks for the second factor, not only `view`.

Each case is a real group holding the admin's access permission and one permission on
AppointmentRequest, signed in through the admin's own login and URLs. The permissions come from
the model itself, so a permission added later (an `export` one, say) is covered here at once."""

import io

import openpyxl
import pytest
from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Group, Permission
from wagtail.models import ModelLogEntry

from appointments.models import AppointmentRequest
from tests.appointments.factories import AppointmentRequestFactory

from .factories import PASSWORD, StaffFactory, login_verified

pytestmark = pytest.mark.django_db

INDEX = "/admin/appointment-requests/"


def request_permission_codenames() -> list[str]:
    """What Django creates for the model: its default actions and any custom permission."""
    opts = AppointmentRequest._meta
    defaults = [get_permission_codename(action, opts) for action in opts.default_permissions]
    return defaults + [codename for codename, _name in opts.permissions]


# What Wagtail's views give each single permission, once both factors are in. `add` gives
# nothing: requests come only from the public form (AppointmentRequestPermissionPolicy).
ALLOWED_AFTER_VERIFYING = {
    "add_appointmentrequest": set(),
    "view_appointmentrequest": {"inbox", "search", "csv export", "excel export", "detail"},
    "change_appointmentrequest": {
        "inbox", "search", "csv export", "excel export", "detail", "edit",
    },
    "delete_appointmentrequest": {
        "inbox", "search", "csv export", "excel export", "detail", "delete",
    },
}  # fmt: skip


def admin_urls(appointment) -> dict[str, str]:
    return {
        "inbox": INDEX,
        "search": f"{INDEX}results/?q=Doe",
        "csv export": f"{INDEX}?export=csv",
        "excel export": f"{INDEX}?export=xlsx",
        "detail": f"{INDEX}inspect/{appointment.pk}/",
        "edit": f"{INDEX}edit/{appointment.pk}/",
        "delete": f"{INDEX}delete/{appointment.pk}/",
    }


def body(response) -> bytes:
    """What the response shows, as text: an Excel file is a zip, so its cells are read out."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        return repr(list(sheet.values)).encode()
    return content


@pytest.fixture
def jane(home_page):
    return AppointmentRequestFactory(
        first_name="Jane", last_name="Doe", phone="+13125550177", reason="Neck pain"
    )


def staff_with_only(codename: str):
    """A member of a custom group that holds admin access and this one permission."""
    group = Group.objects.create(name=f"Only {codename}")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(
            content_type__app_label="appointments",
            content_type__model="appointmentrequest",
            codename=codename,
        ),
    )
    user = StaffFactory()
    user.groups.add(group)
    return user


def test_every_permission_of_the_model_is_decided_below():
    assert set(request_permission_codenames()) == set(ALLOWED_AFTER_VERIFYING)


@pytest.mark.parametrize("codename", request_permission_codenames())
def test_a_password_alone_never_opens_requests(client, jane, codename):
    user = staff_with_only(codename)
    login = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert login.status_code == 302
    for name, url in admin_urls(jane).items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith("/admin/two-factor/setup/?next="), name
        assert b"Doe" not in body(response), name
    assert not ModelLogEntry.objects.filter(action__startswith="appointments.").exists()


@pytest.mark.parametrize("codename", request_permission_codenames())
def test_after_the_second_factor_each_permission_gets_what_wagtail_gives_it(client, jane, codename):
    allowed = ALLOWED_AFTER_VERIFYING[codename]
    login_verified(client, staff_with_only(codename))
    for name, url in admin_urls(jane).items():
        response = client.get(url)
        if name in allowed:
            assert response.status_code == 200, name
            if name != "delete":  # the confirmation names the request by number only
                assert b"Doe" in body(response), name
        else:
            # Wagtail's refusal: back to the dashboard with "you do not have permission".
            assert (response.status_code, response["Location"]) == (302, "/admin/"), name
            assert b"Doe" not in body(response), name
    # The dashboard's count of new requests shows to exactly those who may open the inbox.
    dashboard = client.get("/admin/").content.decode()
    assert ("new request" in dashboard) == ("inbox" in allowed)
