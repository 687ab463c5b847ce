"""CPU instructions per request of some public pages, counted by callgrind: a figure that does not
move with what else runs on the machine (wall-clock timings do, on a shared one).

    valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file=var/callgrind.%p \\
        .venv/bin/python -m bench.instructions [--mode MODE] [KEY ...]

in the environment of the site to measure (DJANGO_SETTINGS_MODULE, DATABASE_URL, …). MODE is one of
bench/run.py's modes (uncached, built, cold, cold_unshared, cached), whose settings are applied over
the environment; without it, the environment's own (the uncached figure: PAGE_CACHE_SECONDS=0). KEY
is a row of bench/pages.py (hours, locations, location, condition, …, and search_new: the search as
one the worker has not kept; default: every one). Each page is requested a few times first (what the
worker keeps, templates loaded), then INSTRUCTION_RUNS times with counting on (callgrind's client
requests, through a tiny C library built with the system's compiler under var/). Prints each page's
queries and instructions per request. Outside valgrind the counts read 0."""

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import django

from website.catalogues import compile_stale

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = ROOT / "var" / "callgrind-toggle" / "libcgtoggle.so"
SOURCE = """#include <valgrind/callgrind.h>
void cg_start(void) { CALLGRIND_ZERO_STATS; CALLGRIND_TOGGLE_COLLECT; }
void cg_stop(void) { CALLGRIND_TOGGLE_COLLECT; CALLGRIND_DUMP_STATS_AT("measured"); }
"""
WARM_RUNS = 3
RUNS = int(os.environ.get("INSTRUCTION_RUNS", "5"))


def toggles():
    if not LIBRARY.exists():
        LIBRARY.parent.mkdir(parents=True, exist_ok=True)
        source = LIBRARY.with_suffix(".c")
        source.write_text(SOURCE)
        subprocess.run(["cc", "-O1", "-shared", "-fPIC", "-o", LIBRARY, source], check=True)
    library = ctypes.CDLL(str(LIBRARY))
    return library.cg_start, library.cg_stop


def main(arguments: list[str]) -> None:
    keys = list(arguments)
    if keys[:1] == ["--mode"]:
        from .run import MODE_SETTINGS

        os.environ.update(MODE_SETTINGS[keys[1]])
        keys = keys[2:]
    compile_stale()  # as bench/server.build_site: the Spanish pages in Spanish outside `make`
    django.setup()
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from .pages import page_paths

    start, stop = toggles()
    client = Client(HTTP_HOST="127.0.0.1")
    paths = page_paths()
    paths["search_new"] = paths["search"]
    paths = {key: path for key, path in paths.items() if path and (not keys or key in keys)}
    fresh = searches_not_kept()
    # As bench/volume_public.py: the version's recheck would count a query by chance.
    with override_settings(CONTENT_VERSION_RECHECK_SECONDS=3600):
        for key, path in paths.items():
            paths_now = (lambda: next(fresh)) if key == "search_new" else (lambda path=path: path)
            for _ in range(WARM_RUNS):
                assert client.get(paths_now()).status_code == 200, path
            with CaptureQueriesContext(connection) as captured:
                client.get(paths_now())
            # Counted now: the captured list reads the connection's log, which the next
            # request's start empties.
            queries = len(captured)
            requests = [paths_now() for _ in range(RUNS)]
            start()
            for request_path in requests:
                client.get(request_path)
            stop()
            total = counted()
            per_request = f"{total // RUNS:,}" if total else "?"
            print(f"{key:10} {path:45} {queries} queries  {per_request} instructions/request")


def searches_not_kept():
    """search_new: the bench's search as a search the worker has not kept (a new one), with the
    same results: its words in another case each time (the full-text match ignores case, the
    kept results do not)."""
    from itertools import product

    from .pages import SEARCH_PATH

    words = SEARCH_PATH.split("q=", 1)[1]
    for cases in product((str.lower, str.upper), repeat=len(words)):
        variant = "".join(case(letter) for case, letter in zip(cases, words, strict=True))
        if variant != words:
            yield SEARCH_PATH.replace(words, variant)


def counted() -> int:
    """The totals of the dump just written (var/callgrind.<pid>.<n>, the highest n), 0 without
    valgrind."""
    dumps = list((ROOT / "var").glob(f"callgrind.{os.getpid()}.*"))
    if not dumps:
        return 0
    latest = max(dumps, key=lambda dump: int(dump.suffix.lstrip(".")))
    for line in latest.read_text().splitlines():
        if line.startswith(("totals:", "summary:")):
            return int(line.split()[1])
    return 0


if __name__ == "__main__":
    main(sys.argv[1:])
