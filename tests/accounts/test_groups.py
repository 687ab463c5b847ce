"""Least privilege: each staff group reaches what its job needs and nothing else (by URL, as a
curious user would try)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from .factories import StaffFactory, login_verified

pytestmark = pytest.mark.django_db

REQUESTS = "/admin/appointment-requests/"
CLOSURES = "/admin/snippets/hours/closure/"
HOURS = "/admin/settings/hours/hourssettings/"
PRACTICE = "/admin/settings/website/practicesettings/"
RECIPIENTS = "/admin/settings/appointments/notificationsettings/"
USERS = "/admin/users/"
LOCKS = "/admin/locked_sign_ins/"
IMAGES = "/admin/images/"
DOCUMENTS = "/admin/documents/"


def reaches(client, url: str) -> bool:
    """True when the page opens; Wagtail answers a refusal by redirecting to the dashboard."""
    response = client.get(url, follow=True)
    denied = "Sorry, you do not have permission" in response.content.decode()
    return response.status_code == 200 and not denied


@pytest.fixture
def member(client, home_page):
    def sign_in_as(group_name: str):
        user = StaffFactory()
        user.groups.add(Group.objects.get(name=group_name))
        login_verified(client, user)
        return user

    return sign_in_as


def edit_home(home_page) -> str:
    return f"/admin/pages/{home_page.pk}/edit/"


GROUP_ACCESS = {
    "Editors": {
        "allowed": [CLOSURES, HOURS, IMAGES, DOCUMENTS, "edit_home"],
        "refused": [REQUESTS, USERS, LOCKS, PRACTICE, RECIPIENTS],
    },
    "Front desk": {
        "allowed": [REQUESTS, CLOSURES, HOURS],
        "refused": [USERS, LOCKS, PRACTICE, RECIPIENTS, IMAGES, DOCUMENTS, "edit_home"],
    },
    "Administrators": {
        "allowed": [REQUESTS, CLOSURES, HOURS, USERS, LOCKS, PRACTICE, IMAGES, DOCUMENTS,
                    "edit_home"],
        "refused": [RECIPIENTS],
    },
}  # fmt: skip


@pytest.mark.parametrize("group_name", list(GROUP_ACCESS))
def test_each_group_reaches_exactly_what_it_should(client, member, home_page, group_name):
    member(group_name)
    urls = {url: edit_home(home_page) if url == "edit_home" else url for url in
            GROUP_ACCESS[group_name]["allowed"] + GROUP_ACCESS[group_name]["refused"]}  # fmt: skip
    for name in GROUP_ACCESS[group_name]["allowed"]:
        assert reaches(client, urls[name]), f"{group_name} should reach {urls[name]}"
    for name in GROUP_ACCESS[group_name]["refused"]:
        assert not reaches(client, urls[name]), f"{group_name} must not reach {urls[name]}"


def test_editors_cannot_export_requests(client, member):
    member("Editors")
    response = client.get(f"{REQUESTS}?export=csv")
    assert response.status_code == 302
    assert "text/csv" not in response.get("Content-Type", "")


def test_groups_are_created_by_migrations_with_page_rights_only_for_page_staff():
    root = Page.get_first_root_node()
    editors = Group.objects.get(name="Editors")
    front_desk = Group.objects.get(name="Front desk")
    assert editors.page_permissions.filter(page=root, permission__codename="publish_page").exists()
    assert not front_desk.page_permissions.exists()
    assert not front_desk.collection_permissions.exists()
