"""What every page shows alike, built once for the whole deployment: site_memo's site tier, shared.

website/site_memo.py keeps the parts every page shows (navigation, footer, banner, the practice's
settings, the offices' schedules, the clinic's JSON-LD, the site and its root page) in each
worker's memory under the content version's *site token*. Without this module every gunicorn
worker on every node built them again after each site-wide change and at every worker start:
about ten queries and the footer's templates, two thirds of such a view. Here each part is also
kept in Django's default cache (Redis in production), under its name, (host, language) and the
site token, so the first worker to build a part after a change builds it for all, and the others
read it.

Correct first:
- The key carries the site token: after a site-wide change no request asks for the old entries
  (they expire unread). A page change keeps the token, as it keeps the worker's site tier.
- The key carries the release (a digest of the code and templates): after a deploy, workers
  never read what the old code rendered or pickled; one that still cannot be read is a miss.
- Each entry holds the moment it stops being true, as the worker's own copy does: the next clock
  change ("Open now" at closing time, midnight: invalidation.next_clock_change) or
  SITE_PARTS_SHARED_SECONDS after it was built, whichever comes first. A worker that reads it
  keeps it no longer than that, nor than its own SITE_MEMO_SECONDS; an entry read after that
  moment (Redis keeps real time, a test's clock travels) is not served.
- A cache outage (website/cache.py: reads miss, writes are dropped) means building as before.
  A value that cannot be pickled is built by each worker as before (and logged once).

Round trips: a request's first miss reads, in one get_many, every part this process has met
(names, not values: kept across requests and tokens) for the request's (host, language) and
the installation-wide ones; what a request builds is written in one set_many when it ends. A
worker's very first request knows no names yet and reads each part on its own.

SITE_PARTS_SHARED_SECONDS = 0 turns this off (development, where templates change under you,
and the bench's "cold_unshared" run: nothing kept anywhere). With SITE_MEMO_SECONDS = 0 the
worker keeps nothing between requests but still reads what another worker, or an earlier request
of its own, built for this site token: the first view after a change that someone already built.
"""

import functools
import hashlib
import logging
import os
import pickle
import threading
from datetime import datetime, timedelta
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from .invalidation import next_clock_change

logger = logging.getLogger(__name__)

# (name, where) of every site-tier part this process has met, to ask for them all at once.
_known: set[tuple[str, tuple | None]] = set()
# More than a site ever has (about 15 names per host and language): a name that carries a date
# would otherwise grow it by one a day.
KNOWN_AT_MOST = 500
# This thread's request: "read" (the (where, site token) pairs already asked for at once) and
# "written" (cache key -> entry, written when it ends). None outside a request.
_request = threading.local()
_warned: set[str] = set()
# What unpickling another release's objects raises (a class moved or gone, a changed signature).
_UNREADABLE = (pickle.UnpicklingError, AttributeError, ImportError, EOFError, TypeError)


def enabled() -> bool:
    return settings.SITE_PARTS_SHARED_SECONDS > 0


def key_for(name: str, where: tuple | None, site_token: int) -> str:
    # Hosts are checked against ALLOWED_HOSTS and languages are codes: neither holds a "|".
    host, language = where if where is not None else ("*", "*")
    return f"site-part:{release()}:{site_token}:{host}|{language}|{name}"


@functools.cache
def release() -> str:
    """What code built a part: a digest of the project's Python modules, templates, compiled
    translations and static files' manifest, read once per process (10-60 ms of CPU). A deploy
    changes none of the site token, yet its workers must neither show the footer the old
    templates rendered nor unpickle the old code's objects (a renamed model, a new field);
    during a rolling deploy old and new workers each read their own. By content, not file
    times, so that nodes running the same release share."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.blake2b(digest_size=8)
    digest.update(f"{django.__version__} {wagtail.__version__}".encode())
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(
            name for name in subdirectories if name not in _NOT_SERVED and not name.startswith(".")
        )
        for file in sorted(files):
            if file.endswith((".py", ".html", ".mo")):
                path = Path(directory, file)
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    manifest = Path(settings.STATIC_ROOT or root / "static") / "staticfiles.json"
    if manifest.is_file():  # the hashed names of CSS and images a fragment links to
        digest.update(manifest.read_bytes())
    return digest.hexdigest()


# Not the site's code: what the digest above leaves out.
_NOT_SERVED = {"__pycache__", "var", "tests", "bench", "node_modules", "venv", "deploy", "media"}
_NOT_SERVED |= {"static"}  # the manifest stands for what collectstatic copied


def expires_at(now: datetime, site_token: int) -> datetime:
    """Until when a part built now is true for every worker."""
    cap = now + timedelta(seconds=settings.SITE_PARTS_SHARED_SECONDS)
    return min(cap, next_clock_change(now, site_token))


def read(name: str, where: tuple | None, site_token: int, held) -> dict:
    """{(name, where): (expires at, value)} of the parts the shared cache holds for this site
    token, still true now: `name` and, on the request's first miss, the others this process has
    met that `held((name, where))` says the caller does not hold."""
    _learn(name, where)
    wanted = {(name, where)}
    read_already = getattr(_request, "read", None)
    if read_already is not None and (where, site_token) not in read_already:
        read_already.add((where, site_token))
        # list(): one step under the GIL, so another thread meeting a name cannot break the loop.
        wanted |= {known for known in list(_known) if known[1] in (where, None) and not held(known)}
    keys = {key_for(*part, site_token): part for part in wanted}
    try:
        found = cache.get_many(keys) if len(keys) > 1 else _get_one(next(iter(keys)))
    except _UNREADABLE as error:  # written by other code, despite release(): a miss
        _warn_once("(unreadable)", f"site parts written by other code are ignored: {error!r}")
        found = {}
    now = timezone.now()
    return {
        keys[key]: entry
        for key, entry in found.items()
        if isinstance(entry, tuple) and len(entry) == 2 and now < entry[0]
    }


def _get_one(key: str) -> dict:
    entry = cache.get(key)
    return {} if entry is None else {key: entry}


def write(name: str, where: tuple | None, site_token: int, value, now: datetime) -> None:
    """`value`, just built, for every other worker; at the request's end, with the others."""
    _learn(name, where)
    entry = (expires_at(now, site_token), value)
    if int((entry[0] - now).total_seconds()) < 1:
        return  # true for less than a second: not worth a round trip
    written = getattr(_request, "written", None)
    if written is None:
        _write({key_for(name, where, site_token): entry}, now)
    else:
        written[key_for(name, where, site_token)] = entry


def begin_request() -> tuple:
    """Called by SiteLookupMiddleware as a request starts; returns what end_request() restores."""
    outer = (getattr(_request, "read", None), getattr(_request, "written", None))
    _request.read, _request.written = set(), {}
    return outer


def end_request(outer: tuple) -> None:
    written = _request.written
    _request.read, _request.written = outer
    if written:
        _write(written, timezone.now())


def _write(entries: dict, now: datetime) -> None:
    # One round trip, for as long as the longest-lived entry: each holds its own moment, which
    # read() checks, so one kept a little longer by the cache is never served past it.
    entries = {key: entry for key, entry in entries.items() if _pickles(key, entry)}
    timeout = max(
        (int((entry[0] - now).total_seconds()) + 1 for entry in entries.values()), default=0
    )
    if entries and timeout > 0:
        cache.set_many(entries, timeout)


def _pickles(key: str, entry: tuple) -> bool:
    """Every cache backend pickles what it keeps; a part that cannot be is built per worker."""
    try:
        pickle.dumps(entry, pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError) as error:
        name = key.rsplit("|", 1)[-1]
        _warn_once(name, f"site part {name!r} cannot be shared between workers: {error}")
        return False
    return True


def _warn_once(topic: str, message: str) -> None:
    if topic not in _warned:
        _warned.add(topic)
        logger.warning(message)


def _learn(name: str, where: tuple | None) -> None:
    if (name, where) not in _known:
        if len(_known) >= KNOWN_AT_MOST:
            _known.clear()
        _known.add((name, where))


def forget_all() -> None:
    """This process has met no part yet (tests: a worker that just started)."""
    _known.clear()
