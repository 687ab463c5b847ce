"""Access logs hold no patient identifiers: staff search the appointment inbox with a GET, so a
request line (or a Referer) with its query string would put names and emails in every log.

Checked on what the real servers write: gunicorn with the repository's gunicorn.conf.py (as
docker-compose runs it) and `manage.py runserver` (as `make run` serves), through the
configured LOGGING.
"""

import time
import urllib.error
import urllib.request

from django.urls import reverse

from appointments.wagtail_hooks import appointment_request_viewset

PATIENT = ("Jane", "Doe", "example.com")


def inbox_search_url() -> str:
    index = reverse(appointment_request_viewset.get_url_name("index"))
    return f"{index}?q=Jane.Doe%40example.com&status=new"


def visit(base_url: str, path: str) -> None:
    """A staff member's browser: the search, with the page they came from as Referer; the
    sign-in redirect (which carries the search in `next=`) is followed too."""
    request = urllib.request.Request(
        base_url + path, headers={"Referer": f"{base_url}/admin/appointment-requests/?q=Doe"}
    )
    urllib.request.urlopen(request, timeout=30).close()


def log_once_written(read, last_line: str, timeout: float = 10.0) -> str:
    """A server logs a request after answering it: wait for the last request's line."""
    deadline = time.monotonic() + timeout
    while last_line not in read() and time.monotonic() < deadline:
        time.sleep(0.05)
    return read()


def assert_no_patient_data(log: str, path: str) -> None:
    assert path.split("?")[0] in log  # the search and the sign-in page it led to are logged...
    assert "/admin/login/?[redacted]" in log
    for identifier in PATIENT:
        assert identifier.lower() not in log.lower()  # ...but not what was searched for


def test_gunicorn_access_log_omits_query_strings(start_gunicorn):
    server = start_gunicorn()
    path = inbox_search_url()
    visit(server.url, path)
    log = log_once_written(server.access_log.read_text, "GET /admin/login/")
    assert_no_patient_data(log, path)
    assert '"GET /admin/appointment-requests/?[redacted] HTTP/1.1" 302' in log


def test_runserver_request_log_omits_query_strings(runserver):
    path = inbox_search_url()
    visit(runserver.url, path)
    log = log_once_written(runserver.output, "GET /admin/login/")
    assert_no_patient_data(log, path)
    assert '"GET /admin/appointment-requests/?[redacted] HTTP/1.1" 302' in log


def test_a_request_for_another_host_is_one_warning_line_without_a_traceback(start_gunicorn):
    """Scanners send any Host header: each is refused (400) and logged as one line that names the
    host, not as an error with a traceback that buries real errors in the log."""
    server = start_gunicorn()
    request = urllib.request.Request(server.url + "/", headers={"Host": "scanner.example"})
    try:
        urllib.request.urlopen(request, timeout=30).close()
        status = 200
    except urllib.error.HTTPError as refused:
        status = refused.code
    assert status == 400
    log = log_once_written(server.output, "scanner.example")
    line = next(line for line in log.splitlines() if "scanner.example" in line)
    assert "WARNING django.security.DisallowedHost" in line
    assert "Traceback" not in log
