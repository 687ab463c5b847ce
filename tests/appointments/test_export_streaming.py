"""The inbox's CSV and Excel exports are streamed: requests are read a chunk at a time (never the
whole list in memory), and each chunk is written to the history before its rows go out.
`make bench-volume` measures the memory and time for 100,000; here, what the rows say."""

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.http import StreamingHttpResponse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from appointments.admin_views import EXPORTED, AppointmentRequestIndexView

from .factories import AppointmentRequestFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/appointment-requests/"


@pytest.fixture
def requests(home_page):
    """Five requests, the newest first (the inbox's order), and one the filter leaves out."""
    now = timezone.now()
    made = [
        AppointmentRequestFactory(
            first_name=f"Patient{number}", received_at=now - timedelta(hours=number)
        )
        for number in range(5)
    ]
    AppointmentRequestFactory(first_name="Spammer", status="spam")
    return made


@pytest.fixture
def chunks_of_two(monkeypatch):
    monkeypatch.setattr(AppointmentRequestIndexView, "export_chunk_size", 2)


def exported():
    return ModelLogEntry.objects.filter(action=EXPORTED)


@pytest.mark.usefixtures("chunks_of_two")
def test_csv_is_streamed_and_logged_chunk_by_chunk(client, front_desk, requests):
    response = client.get(INDEX, {"status": "new", "export": "csv"})
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv"
    assert not exported().exists()  # nothing is read before the download asks for rows

    stream = iter(response.streaming_content)
    heading, first_chunk = next(stream), next(stream)
    assert heading.startswith(b"Request number,Received,First name")
    assert first_chunk.count(b"\n") == 2  # a chunk of two rows…
    assert exported().count() == 2  # …logged before it went out
    body = (heading + first_chunk + b"".join(stream)).decode()

    rows = list(csv.DictReader(io.StringIO(body)))
    assert [row["First name"] for row in rows] == [r.first_name for r in requests]
    assert [row["Request number"] for row in rows] == [str(r.pk) for r in requests]
    assert rows[0]["Phone"] == "(312) 555-0199" and rows[0]["Status"] == "New"
    entries = exported()
    assert sorted(entries.values_list("object_id", flat=True)) == sorted(
        str(r.pk) for r in requests
    )
    assert {e.label for e in entries} == {f"Appointment request #{r.pk}" for r in requests}
    assert len({e.uuid for e in entries}) == 1  # one export, one uuid
    assert all(e.user_id == front_desk.pk and e.data == {"format": "csv"} for e in entries)


@pytest.mark.usefixtures("chunks_of_two")
def test_excel_is_streamed_and_logged(client, front_desk, requests):
    response = client.get(INDEX, {"status": "new", "export": "xlsx"})
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"].startswith("attachment;")
    assert not exported().exists()  # nothing is read before the download asks for it
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    assert rows[0][:3] == ("Request number", "Received", "First name")
    assert [row[2] for row in rows[1:]] == [r.first_name for r in requests]
    assert [row[0] for row in rows[1:]] == [r.pk for r in requests]
    assert exported().count() == 5
    assert all(e.data == {"format": "xlsx"} for e in exported())
