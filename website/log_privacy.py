"""Logs hold no patient identifiers: every query string is cut from the URLs they record.

Staff search the appointment inbox with a GET (/admin/appointment-requests/?q=Jane.Doe@…), the
sign-in page carries the page asked for in `next=`, and browsers send the page they came from
as Referer: with query strings, request lines would put patients' names and emails in every
access log. Paths and record ids are enough to follow what happened. Public query strings go
too: simpler than telling them apart, and a site search can name a patient's own condition.

Used by the gunicorn access and error logs (website/gunicorn_logging.py) and by Django's own
loggers, runserver's request log included (LOGGING in website/settings/base.py).
"""

import logging
import re
from collections.abc import MutableMapping

REDACTED = "?[redacted]"
# A path (or the path of an absolute URL) followed by its query string, up to whitespace or a
# quote: request lines, Referers, `next=` targets.
_URL_WITH_QUERY = re.compile(r"(/[^\s?\"']*)\?[^\s\"']*")


def without_query(text: str) -> str:
    return _URL_WITH_QUERY.sub(lambda match: match.group(1) + REDACTED, text)


def _scrubbed(value):
    return without_query(value) if isinstance(value, str) else value


class QueryStringFilter(logging.Filter):
    """Rewrites a record's message and arguments before any handler formats it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = _scrubbed(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_scrubbed(arg) for arg in record.args)
        elif isinstance(record.args, MutableMapping):
            for key, value in list(record.args.items()):
                record.args[key] = _scrubbed(value)
        return True
