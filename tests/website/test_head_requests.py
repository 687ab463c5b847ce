"""HEAD requests through gunicorn as production runs it: the GET's status and headers, no body,
and nothing in the log (uptime monitors send one a minute)."""

import urllib.request

import pytest

from tests.website.factories import build_site

pytestmark = pytest.mark.django_db(transaction=True)


def fetch(url: str, method: str):
    with urllib.request.urlopen(urllib.request.Request(url, method=method), timeout=30) as answer:
        return answer.status, answer.headers, answer.read()


def test_a_head_request_gets_the_get_headers_without_a_body_or_a_warning(start_gunicorn):
    build_site()
    server = start_gunicorn()
    for path in ["/", "/", "/robots.txt"]:  # the second "/" comes from the page cache
        status, headers, body = fetch(server.url + path, "HEAD")
        get_status, get_headers, get_body = fetch(server.url + path, "GET")
        assert (status, body) == (get_status, b"")
        assert int(headers["Content-Length"]) == len(get_body) > 0
        assert headers["Content-Type"] == get_headers["Content-Type"]
    assert "no-body response" not in server.output()
