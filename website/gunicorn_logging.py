"""gunicorn's logger with query strings cut from what it records (website/log_privacy.py).

gunicorn.conf.py names it as `logger_class`. Every access-log atom that can carry a query
string is scrubbed (the request line, the Referer, raw headers and WSGI variables), so a
changed `access_log_format` cannot bring patient data back; the error log ("Error handling
request /path?…") goes through the same filter.
"""

from gunicorn.glogging import Logger

from website.log_privacy import REDACTED, QueryStringFilter, without_query

_FILTER = QueryStringFilter()
# Atoms that hold only the query string itself, with no path before it.
_BARE_QUERY_ATOMS = ("q", "{query_string}e")


class PrivateAccessLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        self.error_log.addFilter(_FILTER)  # addFilter ignores a filter it already has

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key, value in atoms.items():
            if isinstance(value, str):
                atoms[key] = without_query(value)
        for key in _BARE_QUERY_ATOMS:
            if atoms.get(key):
                atoms[key] = REDACTED
        return atoms
