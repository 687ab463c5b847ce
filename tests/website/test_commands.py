"""The commands `make run` relies on: demo content, the first admin, the mail folder."""

from email import message_from_bytes
from io import StringIO

import pytest
import time_machine
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from wagtail.models import Page, Site

from tests.harness.demo_snapshot import LATE_NOVEMBER
from website.models import HomePage, PracticeSettings


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def every_row() -> dict[str, list[dict]]:
    """Every row of every table, by model."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models()
    }


def test_load_demo_builds_the_site(client, demo):
    home = HomePage.objects.get(locale__language_code="en")
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail").exists()
    practice = PracticeSettings.for_default_site()
    assert practice.name == "Lakeside Spine & Pain Center"
    assert practice.phone_href == "tel:+13125550142"
    assert client.get("/").status_code == 200
    for page in Page.objects.live().filter(depth__gt=1).specific():
        assert client.get(page.url).status_code == 200, page.url_path
    assert PracticeSettings.for_default_site().privacy_page.url == "/privacy/"


def test_a_second_load_changes_nothing_anywhere(demo_loaded_at):
    """Every app's part of the demo at once (`make run` loads it on every start). In late
    November, when the hours demo also adds the coming holidays' closures. (The first load is
    the run's one load at that date, tests/harness/demo_snapshot.py; its rows are put back.)"""
    with time_machine.travel(LATE_NOVEMBER, tick=False):
        first_output = demo_loaded_at(LATE_NOVEMBER)
        first = every_row()
        second_output = load_demo()
        assert every_row() == first
    assert "created" in first_output and "closure added" in first_output
    assert second_output.splitlines() == ["Demo content is in place."]


def test_load_demo_keeps_what_staff_changed(demo):
    practice = PracticeSettings.for_default_site()
    practice.phone = "(773) 555-0199"
    practice.save()
    load_demo()
    assert PracticeSettings.for_default_site().phone == "(773) 555-0199"


@pytest.mark.django_db
def test_ensure_admin_creates_one_login_and_prints_it_once():
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    [line] = [line for line in out.getvalue().splitlines() if "password" in line]
    password = line.split("password")[-1].strip()
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password)

    again = StringIO()
    call_command("ensure_admin", stdout=again)
    assert password not in again.getvalue()
    assert get_user_model().objects.count() == 1


@pytest.mark.django_db
def test_development_mail_backend_prints_and_keeps_eml_files(settings, tmp_path, capsys):
    settings.EMAIL_BACKEND = "website.mail.ConsoleAndFolderBackend"
    settings.EMAIL_FOLDER = tmp_path / "mail"
    sent = mail.send_mail("Hello", "Body text", "site@example.com", ["staff@example.com"])
    assert sent == 1
    [eml] = list((tmp_path / "mail").glob("*.eml"))
    message = message_from_bytes(eml.read_bytes())
    assert message["Subject"] == "Hello"
    assert message["To"] == "staff@example.com"
    assert "Subject: Hello" in capsys.readouterr().out
