"""The inbox: who may see it, what it shows, and the history it keeps."""

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import ModelLogEntry

from appointments.models import AppointmentRequest, NotificationSettings
from tests.accounts.factories import login_verified

from .factories import AppointmentRequestFactory, user_in_group

pytestmark = pytest.mark.django_db

INDEX = "/admin/appointment-requests/"


def inspect_url(appointment):
    return f"{INDEX}inspect/{appointment.pk}/"


def edit_url(appointment):
    return f"{INDEX}edit/{appointment.pk}/"


@pytest.fixture
def editor(client, home_page):
    user = user_in_group("eddie", "Editors")
    login_verified(client, user)
    return user


@pytest.fixture
def jane(home_page):
    return AppointmentRequestFactory(
        first_name="Jane", last_name="Doe", phone="+13125550177", email="jane@example.com",
        reason="Neck pain",
    )  # fmt: skip


def logged(appointment, action):
    return ModelLogEntry.objects.filter(object_id=str(appointment.pk), action=action)


def test_the_front_desk_group_is_created_by_a_migration():
    permissions = set(
        Group.objects.get(name="Front desk").permissions.values_list("codename", flat=True)
    )
    assert {"access_admin", "view_appointmentrequest", "change_appointmentrequest"} <= permissions
    assert "delete_appointmentrequest" not in permissions
    editors = Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    assert not [codename for codename in editors if "appointmentrequest" in codename]


def test_an_editor_cannot_see_or_export_requests(client, editor, jane):
    urls = [
        INDEX,
        f"{INDEX}?export=csv",
        f"{INDEX}?export=xlsx",
        f"{INDEX}results/?q=Doe",
        inspect_url(jane),
        edit_url(jane),
        f"{INDEX}history/{jane.pk}/",
        f"{INDEX}usage/{jane.pk}/",
        f"{INDEX}delete/{jane.pk}/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in {302, 403}, url
        assert b"Doe" not in response.content
    assert "Appointment requests" not in client.get("/admin/").content.decode()
    assert not ModelLogEntry.objects.filter(action__startswith="appointments.").exists()


def test_front_desk_sees_the_list_with_its_columns(client, front_desk, jane):
    AppointmentRequestFactory(first_name="Old", received_at=timezone.now() - timedelta(days=3))
    html = client.get(INDEX).content.decode()
    assert "Appointment requests" in client.get("/admin/").content.decode()
    for heading in ["Received", "Name", "Phone", "New or returning", "Status", "Captcha"]:
        assert heading in html
    assert "Jane Doe" in html and "(312) 555-0177" in html
    assert html.index("Jane Doe") < html.index("Old Example")  # newest first
    assert "Add appointment request" not in html
    assert client.get(f"{INDEX}new/").status_code in {302, 403}


@pytest.mark.parametrize("query", ["Jane Doe", "doe", "jane@example", "(312) 555-0177", "5550177"])
def test_search_by_name_phone_and_email(client, front_desk, jane, query):
    AppointmentRequestFactory(first_name="Someone", last_name="Else", phone="+17735550123")
    html = client.get(INDEX, {"q": query}).content.decode()
    assert "Jane Doe" in html
    assert "Someone Else" not in html


def test_filter_by_status_and_date(client, front_desk, jane):
    AppointmentRequestFactory(first_name="Handled", status="scheduled")
    AppointmentRequestFactory(first_name="Older", received_at=timezone.now() - timedelta(days=10))
    html = client.get(INDEX, {"status": "scheduled"}).content.decode()
    assert "Handled" in html and "Jane Doe" not in html
    since = (timezone.localdate() - timedelta(days=2)).isoformat()
    html = client.get(INDEX, {"received_from": since}).content.decode()
    assert "Jane Doe" in html and "Older" not in html


def test_detail_view_shows_the_request_and_is_logged(client, front_desk, jane):
    html = client.get(inspect_url(jane)).content.decode()
    for shown in ["Jane", "Doe", "(312) 555-0177", "jane@example.com", "Neck pain", "Monday"]:
        assert shown in html
    [entry] = logged(jane, "appointments.view")
    assert entry.user == front_desk
    assert entry.label == f"Appointment request #{jane.pk}"  # never the patient's name


def test_status_workflow_with_notes_is_logged(client, front_desk, jane):
    response = client.post(edit_url(jane), {"status": "contacted", "new_note": "Left a voicemail."})
    assert response.status_code == 302
    jane.refresh_from_db()
    assert jane.status == "contacted"
    assert [n.text for n in jane.notes.all()] == ["Left a voicemail."]
    assert jane.status_changed_at is not None
    [change] = logged(jane, "appointments.status")
    assert change.data == {"from": "new", "to": "contacted"}
    assert change.user == front_desk
    assert logged(jane, "wagtail.edit").exists()
    history = client.get(f"{INDEX}history/{jane.pk}/").content.decode()
    assert "Status changed from New to Contacted" in history

    client.post(edit_url(jane), {"status": "scheduled", "new_note": "Booked Tue 10am."})
    jane.refresh_from_db()
    assert jane.status == "scheduled"


def test_a_step_outside_the_workflow_is_refused(client, front_desk, jane):
    jane.status = "scheduled"
    jane.save()
    response = client.post(edit_url(jane), {"status": "spam", "new_note": ""})
    assert response.status_code == 200
    jane.refresh_from_db()
    assert jane.status == "scheduled"


def test_csv_export_of_the_filtered_list_is_logged_per_request(client, front_desk, jane):
    other = AppointmentRequestFactory(first_name="=HYPERLINK(1)", status="spam")
    response = client.get(INDEX, {"status": "new", "export": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["First name"] for row in rows] == ["Jane"]
    assert rows[0]["Phone"] == "(312) 555-0177"
    assert rows[0]["Reason for the visit"] == "Neck pain"
    assert rows[0]["Preferred days"] == "Monday, Wednesday"
    [entry] = logged(jane, "appointments.export")
    assert entry.user == front_desk and entry.data == {"format": "csv"}
    assert not logged(other, "appointments.export").exists()

    response = client.get(INDEX, {"status": "spam", "export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["First name"] == "'=HYPERLINK(1)"  # a spreadsheet shows it, never runs it


def test_excel_export(client, front_desk, jane):
    response = client.get(INDEX, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    assert rows[0][:4] == ("Request number", "Received", "First name", "Last name")
    assert rows[1][2:5] == ("Jane", "Doe", "(312) 555-0177")
    assert logged(jane, "appointments.export").get().data == {"format": "xlsx"}


def test_dashboard_counts_new_requests_for_front_desk_only(client, front_desk, jane):
    AppointmentRequestFactory(status="contacted", staff_notified_at=timezone.now())
    html = client.get("/admin/").content.decode()
    assert "<strong>1</strong> new request" in html
    assert "not yet emailed" not in html  # Jane's arrived just now: give the worker time
    AppointmentRequestFactory(status="contacted", received_at=timezone.now() - timedelta(hours=1))
    html = client.get("/admin/").content.decode()
    assert "1 request received over five minutes ago and not yet emailed" in html
    login_verified(client, user_in_group("eddie", "Editors"))
    assert "new request" not in client.get("/admin/").content.decode()


def test_only_superusers_set_the_notification_recipients(client, front_desk):
    url = "/admin/settings/appointments/notificationsettings/"
    denied = client.get(url, follow=True)
    assert 'name="staff_recipients"' not in denied.content.decode()
    assert "Sorry, you do not have permission" in denied.content.decode()
    boss = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw-long-enough")
    login_verified(client, boss)
    form_page = client.get(url, follow=True)
    assert 'name="staff_recipients"' in form_page.content.decode()
    edit_url = form_page.redirect_chain[-1][0]
    response = client.post(edit_url, {"staff_recipients": "a@clinic.example\nb@clinic.example"})
    assert response.status_code == 302
    assert NotificationSettings.load().recipient_list() == ["a@clinic.example", "b@clinic.example"]


def test_front_desk_cannot_delete(client, front_desk, jane):
    assert client.post(f"{INDEX}delete/{jane.pk}/").status_code in {302, 403}
    assert AppointmentRequest.objects.filter(pk=jane.pk).exists()


def test_editors_edit_and_preview_the_form_and_thank_you_pages(client, editor, home_page):
    from .factories import build_appointment_page

    page = build_appointment_page(home_page)
    boss = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw-long-enough")
    login_verified(client, boss)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    for tab in ["Form", "Thank-you page", "Promote", "Settings"]:
        assert tab in html
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": '{"blocks": [], "entityMap": {}}',
        "submit_label": "Send",
        "thank_you_heading": "All done",
        "thank_you_text": '{"blocks": [], "entityMap": {}}',
    }
    assert client.post(preview_url, data).json()["is_valid"]
    assert "This form is not for emergencies" in client.get(preview_url).content.decode()
    thank_you = client.get(preview_url, {"mode": "thank-you"}).content.decode()
    assert "<h1>All done</h1>" in thank_you
