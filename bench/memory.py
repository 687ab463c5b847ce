"""Worker memory, stage by stage: `python -m bench.memory` (issue 20's target: at most 100 MB).

Builds the demo site in production settings (as `make bench` does), starts gunicorn with sync
workers and prints each worker's memory after each stage:
- startup: the worker has loaded the application and waits for its first request;
- pages: every public page type with a live page, in English and in Spanish, search, the blog's
  feed, the sitemap, with the page cache off (each page built, the most a view holds);
- requests: a few appointment requests (the form opened, filled in, sent: 303).
RSS is what the target counts: it does not depend on load, so the figures hold on a busy machine.
PSS and USS show what the master shares (gunicorn.conf.py preloads the application: pages shared
copy-on-write count in every worker's RSS; PSS splits them between the processes, USS leaves them
out). gunicorn reads gunicorn.conf.py from this folder, as in production.

    python -m bench.memory                 # 2 workers, as `make bench`
    python -m bench.memory --workers 1     # one worker serves everything: the same figure each run
    python -m bench.memory --option=--config=/dev/null   # without gunicorn.conf.py (no preload)
    python -m bench.memory --env MALLOC_ARENA_MAX=2      # an environment variable for gunicorn
    python -m bench.memory --env DATABASE_URL=postgres://postgres@127.0.0.1:5432/practice_bench \
        --env CACHE_URL=redis://127.0.0.1:6379/13        # production's services (database made)
"""

import argparse
import os
import shutil
import sys
import tempfile
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

from .client import submit
from .server import BENCH_DIR, ROOT, Gunicorn, bench_environment, build_site, process_memory_mb

EXTRA_PATHS = ["/search/?q=back+pain", "/blog/feed/", "/sitemap.xml", "/robots.txt"]
REQUESTS = 4
TARGET_MB = 100


def public_paths() -> list[str]:
    """The first live page (in the tree's order) of each page type in each language."""
    import django

    django.setup()
    from wagtail.models import Page

    paths = []
    for language in ("en", "es"):
        seen = set()
        pages = Page.objects.live().filter(locale__language_code=language, depth__gt=1)
        for page in pages.order_by("path").select_related("content_type"):
            if page.content_type_id not in seen:
                seen.add(page.content_type_id)
                paths.append(page.url)
    return paths + EXTRA_PATHS


def get_from_every_worker(base_url: str, path: str, workers: int) -> None:
    """Sync workers each take one request at a time: as many at once as there are workers (twice)
    reach every worker, as a run under load does."""

    def get(_):
        with urllib.request.urlopen(base_url + path, timeout=60) as response:
            response.read()
            return response.status

    with ThreadPoolExecutor(workers) as pool:
        statuses = list(pool.map(get, range(2 * workers)))
    assert set(statuses) == {200}, f"{path} answered {statuses}"


def wait_until_booted(server: Gunicorn, timeout: float = 120) -> None:
    """Each worker has loaded the application once it sleeps in `select` for a connection."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pids = server.worker_pids()
        if len(pids) == server.workers and all(_waiting(pid) for pid in pids):
            return
        time.sleep(0.2)
    raise RuntimeError("the workers did not finish booting")


def _waiting(pid: int) -> bool:
    wchan = Path(f"/proc/{pid}/wchan").read_text()
    return "select" in wchan or "poll" in wchan


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--option",
        action="append",
        default=[],
        help="a gunicorn option, e.g. --option=--config=/dev/null (gunicorn.conf.py left out)",
    )
    parser.add_argument(
        "--env", action="append", default=[], help="NAME=VALUE, for the build and gunicorn"
    )
    parser.add_argument("--no-build", action="store_true", help="reuse var/bench/ as it is")
    parser.add_argument("--each", action="store_true", help="print what each path adds")
    args = parser.parse_args()

    env = bench_environment(PAGE_CACHE_SECONDS="0", APPOINTMENT_MIN_SUBMIT_SECONDS="0")
    given = dict(setting.split("=", 1) for setting in args.env)
    env.update(given)
    if not args.no_build:
        print(f"Building the demo site in {BENCH_DIR.relative_to(ROOT)} (production settings)…")
        build_site(env)
    # Each run starts from an empty cache (no page or fragment kept from an earlier run), and
    # this client may send more requests than a patient could (the limit costs no memory).
    cache = tempfile.mkdtemp(prefix="memory-cache-", dir=BENCH_DIR)
    env.update(CACHE_URL=f"file://{cache}", APPOINTMENT_RATE_LIMIT="1000")
    env.update(given)  # a CACHE_URL given (redis://…) is used as it is
    os.environ.update(env)
    paths = public_paths()

    options = tuple(args.option)
    stages = {}
    numbers = range(REQUESTS * args.workers)
    server = Gunicorn(env, workers=args.workers, options=options)
    server.start()
    try:
        wait_until_booted(server)
        stages["startup"] = memory(server)
        server.wait_until_healthy()
        for path in paths:
            before = largest_rss(server)
            get_from_every_worker(server.url, path, args.workers)
            if args.each:
                print(f"  +{largest_rss(server) - before:5.1f} MB  {path}")
        stages["pages"] = memory(server)
        with ThreadPoolExecutor(args.workers) as pool:  # at once: each worker takes some
            statuses = [status for status, _ in pool.map(partial(submit, server.url), numbers)]
        assert set(statuses) == {303}, f"the appointment form answered {statuses}"
        stages["requests"] = memory(server)
        master = process_memory_mb(server.process.pid)
    finally:
        server.__exit__()
        shutil.rmtree(cache, ignore_errors=True)
    print_table(stages, master, paths, args)
    worst = max(row["rss"] for stage in stages.values() for row in stage.values())
    print(f"\nlargest worker RSS: {worst} MB (target: at most {TARGET_MB} MB)")
    return 0


def largest_rss(server: Gunicorn) -> float:
    return max(row["rss"] for row in memory(server).values())


def memory(server: Gunicorn) -> dict[int, dict[str, float]]:
    return {pid: process_memory_mb(pid) for pid in server.worker_pids()}


def print_table(stages: dict, master: dict, paths: list[str], args) -> None:
    shape = " ".join([f"{args.workers} sync worker(s)", *args.option, *args.env])
    print(f"\n{len(paths)} public paths served by every worker; {REQUESTS * args.workers} "
          f"appointment requests; gunicorn {shape}, production settings")  # fmt: skip
    print(f"\n{'stage':10}{'worker':>8}{'RSS MB':>9}{'PSS MB':>9}{'USS MB':>9}")
    for stage, workers in stages.items():
        for number, row in enumerate(workers.values(), 1):
            print(f"{stage:10}{number:>8}{row['rss']:>9}{row['pss']:>9}{row['uss']:>9}")
    print(f"{'master':10}{'':>8}{master['rss']:>9}{master['pss']:>9}{master['uss']:>9}")


if __name__ == "__main__":
    sys.exit(main())
