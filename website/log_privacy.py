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


class RefusedHostFilter(logging.Filter):
    """A request for a host not in ALLOWED_HOSTS is a client's mistake (or a scanner's), not a
    fault of ours: one WARNING line naming the host, without the traceback Django attaches, so
    the log's ERRORs stay the site's own."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = None
        return True


def logging_config(level: str) -> dict:
    """Django's LOGGING: what happened and to which record id, never bodies, patient data or
    query strings (settings/base.py uses it; here so the rule and its filter sit together)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        # Query strings are cut from every logged URL: staff searches carry patient names and
        # emails (website/log_privacy.py). On the handlers, so records from any logger pass it.
        "filters": {
            "no_query_strings": {"()": "website.log_privacy.QueryStringFilter"},
            "refused_host": {"()": "website.log_privacy.RefusedHostFilter"},
        },
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
            "django.server": {
                "()": "django.utils.log.ServerFormatter",
                "format": "[{server_time}] {message}",
                "style": "{",
            },
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "plain",
                "filters": ["no_query_strings"],
            },
            # runserver's request log (`make run`), as Django's default logging has it, filtered.
            "django.server": {
                "class": "logging.StreamHandler",
                "formatter": "django.server",
                "filters": ["no_query_strings"],
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
            "django.request": {"level": "ERROR"},
            "django.security.DisallowedHost": {"level": "WARNING", "filters": ["refused_host"]},
            # Wagtail's background tasks (search index, references) log every run at INFO.
            "django_tasks": {"level": "WARNING"},
            # WeasyPrint logs every step of every handout PDF at INFO; its warnings (CSS it cannot
            # apply, a picture it cannot load) show.
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
            # django-axes logs every sign-in at INFO; lockouts still come through as warnings.
            "axes": {"level": "WARNING"},
        },
    }
