"""Requests no browser sends get a clear 400 (or 413) before anything else reads them.

- A NUL character in the path, the query, a header or a form field. PostgreSQL refuses NUL in
  text, so a view that looked such a value up (`/handouts/?condition=%00`) ended in a 500; no
  person types one.
- A body charset Python does not know, or one in which plain ASCII is not itself (UTF-16,
  UTF-32, UTF-7, "base64"). Forms are sent in UTF-8. Django refuses a UTF-16 form body, and a
  charset that names no text encoding broke even the parsing of the query string.
- A body larger than PUBLIC_REQUEST_MAX_BYTES anywhere outside the admin: the public forms take
  a few kilobytes of text and no files, and the size is checked before the body is read (the
  CSRF check would otherwise read a 20 MB upload in full before any view could refuse it). Staff
  uploads go to the admin, which keeps Django's own limits.
- More fields than Django parses (DATA_UPLOAD_MAX_NUMBER_FIELDS), or a malformed multipart body.

Form bodies are parsed here only outside the admin, where they are small; Django would parse
them moments later for the CSRF check anyway, and keeps the result.

One charset fails before any middleware runs: see GuardedWSGIRequest, which website/wsgi.py
puts in place.
"""

import codecs
import logging

from csp.utils import build_policy
from django.conf import settings
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.core.handlers.wsgi import WSGIRequest
from django.http.multipartparser import MultiPartParserError

logger = logging.getLogger(__name__)

FORM_CONTENT_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}
# Every character a form or query string is made of: in an ASCII-compatible charset each one
# encodes to its own single ASCII byte.
ASCII_PROBE = "azAZ09 =&%+-_.~;:/?#[]@!$'()*,\"<>\\^`{|}\t\r\n"


class RequestGuardMiddleware:
    """Put it right after SecurityMiddleware: before WhiteNoise and the page cache, which also
    read the path and the query string."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        status, reason = refusal_reason(request)
        if status is None:
            return self.get_response(request)
        from .views import refusal  # here: website/wsgi.py imports this before the apps load

        # What was wrong, never what was sent: a form field may hold patient data.
        logger.info("Refused a %s request: %s", request.method, reason)
        response = refusal(request, status)
        # The header middlewares further in never see this response.
        response.headers.setdefault("Content-Security-Policy", build_policy())
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        return response


class GuardedWSGIRequest(WSGIRequest):
    """Django takes the Content-Type charset as the request's encoding when Python knows the
    codec, and at that moment decodes the query string with it. A codec that is no text encoding
    ("hex", "base64") raised LookupError there, while the request was being built, so the server
    answered 500 before any middleware ran. Here such a charset is not taken as the encoding;
    RequestGuardMiddleware then refuses the request, as it refuses every charset that is not
    ASCII-compatible."""

    def _set_content_type_params(self, meta):
        try:
            super()._set_content_type_params(meta)
        except LookupError:
            self._encoding = None


def refusal_reason(request) -> tuple[int | None, str]:
    """(status, reason) for a request to refuse, (None, "") for one to handle."""
    outside_admin = not request.path_info.startswith(f"/{settings.WAGTAILADMIN_PATH}")
    if outside_admin and _content_length(request) > settings.PUBLIC_REQUEST_MAX_BYTES:
        return 413, "body larger than PUBLIC_REQUEST_MAX_BYTES"
    charset = request.content_params.get("charset")
    if charset is not None and not ascii_compatible(charset):
        return 400, "a charset that is not ASCII-compatible"
    if "\x00" in request.path_info:
        return 400, "NUL in the path"
    if any("\x00" in value for key, value in request.META.items() if key.startswith("HTTP_")):
        return 400, "NUL in a header"
    try:
        if _holds_nul(request.GET):
            return 400, "NUL in the query string"
        if outside_admin and _is_form(request) and _holds_nul(request.POST):
            return 400, "NUL in a form field"
    except (BadRequest, SuspiciousOperation, MultiPartParserError) as error:
        return 400, type(error).__name__  # too many fields, a broken multipart body, …
    except OSError:
        return 400, "the body could not be read"  # the client went away mid-upload
    return None, ""


def ascii_compatible(charset: str) -> bool:
    """True when Python knows `charset` as a text encoding that writes ASCII as ASCII."""
    try:
        return ASCII_PROBE.encode(codecs.lookup(charset).name) == ASCII_PROBE.encode("ascii")
    except (LookupError, UnicodeError, TypeError, ValueError):
        return False  # unknown, not a text encoding (base64, rot13), or one without ASCII


def _content_length(request) -> int:
    try:  # as Django reads it: anything that is not a number is no body
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _is_form(request) -> bool:
    return request.method == "POST" and request.content_type in FORM_CONTENT_TYPES


def _holds_nul(query_dict) -> bool:
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in query_dict.lists()
    )
