"""`make bench`: builds the demo site in production settings, serves it with gunicorn (2 sync
workers) on 127.0.0.1 and loads each page with wrk; prints a table and writes var/bench.json.

Within a mode the pages are measured in interleaved rounds (BENCH_ROUNDS, default 3): each page
once per round, the order rotated from round to round, and each page's figure is the median of its
rounds (its spread, (max - min) / median of the rounds' requests/s, printed beside it). Pages
measured one after the other, seconds or minutes apart, differ by what else the machine does
meanwhile; in turns, a busy moment moves one run of one page, not the comparison, and every page is
compared with the article by the same median (bench/report.py; the gap is said to be within the
noise when their rounds overlap; beside it, the workers' CPU time per request, cpu_ms, which the
machine's load moves far less). BENCH_SECONDS (default 10) is each page's load time per mode, split
across the rounds (whole seconds, at least 1 per run); the static file is one of the cached mode's
pages. BENCH_PAGES (keys of bench/pages.py, comma-separated) and BENCH_MODES (of the five below)
measure a subset, written to var/bench-partial.json so that a quick look does not replace the full
run's var/bench.json.

Five ways a page is served, each its own gunicorn run:
- cached: the full-page cache on (production);
- uncached: the full-page cache off, so every request routes and renders the page. Site-wide
  fragments (navigation, footer, banner, clinic JSON-LD) and the page's own parts (content, SEO
  tags, JSON-LD: website/page_fragments.py) come from the worker's memory as on every page-cache
  miss in production (website/site_memo.py). The targets use this figure. Search repeats one
  search, whose results the worker keeps after its first view, as it keeps a popular search's;
  `python -m bench.instructions search_new` measures a search not made before.
- built: as uncached, but the page's own parts built at every request (PAGE_FRAGMENTS_KEPT=0):
  what a page costs to build with the site-wide fragments kept (no target; shown for comparison
  with the figures before page fragments existed).
- cold: that memory off too (SITE_MEMO_SECONDS=0): the worker keeps nothing between requests,
  so each request builds the page and its parts, and reads the site-wide fragments from the cache
  every worker shares (website/shared_parts.py), where the warm-up's first request built them for
  this content version. That is a worker's first view after a change that another worker (or an
  earlier request) already built: after a site-wide change (a setting, a menu page, any page
  type but an article: website/invalidation.py) one worker of the deployment builds them and the
  others read them. Publishing an article is a page change: the worker keeps the site-wide
  fragments in memory (website/site_memo.py's two tiers), and its first view costs what "queries
  after publish" shows (bench/pages.py, in-process, through the site's own invalidation), close
  to the uncached view. The cold target applies to this figure.
- cold_unshared: the shared copy off too (SITE_PARTS_SHARED_SECONDS=0): nothing kept anywhere,
  everything built from the database on every request (once per request). What the one worker
  that builds the fragments after a site-wide change pays, and every worker paid before they
  were shared. No target; shown so that figure stays visible.
"""

import json
import os
import sys
import urllib.request

from .client import submit
from .load import wrk, wrk_rounds
from .report import checks, print_table
from .server import BENCH_DIR, ROOT, Gunicorn, bench_environment, build_site

# The static file's key among the cached mode's pages.
STATIC = "static css"
MODES = {
    "cached": "full-page cache on",
    "uncached": "full-page cache off; site-wide fragments and the page's parts kept in worker "
    "memory",
    "built": "as uncached, but the page's own parts built at every request (PAGE_FRAGMENTS_KEPT=0)",
    "cold": "full-page cache off and no fragments kept in the worker (SITE_MEMO_SECONDS=0), the "
    "site-wide ones read from the shared cache: a worker's first view after a change another "
    "worker already built",
    "cold_unshared": "as cold, nothing shared either (SITE_PARTS_SHARED_SECONDS=0): every part "
    "built from the database at every request (no target)",
}
MODE_SETTINGS = {
    "cold": {"PAGE_CACHE_SECONDS": "0", "SITE_MEMO_SECONDS": "0"},
    "cold_unshared": {
        "PAGE_CACHE_SECONDS": "0",
        "SITE_MEMO_SECONDS": "0",
        "SITE_PARTS_SHARED_SECONDS": "0",
    },
    "uncached": {"PAGE_CACHE_SECONDS": "0"},
    "built": {"PAGE_CACHE_SECONDS": "0", "PAGE_FRAGMENTS_KEPT": "0"},
    # The form is sent at the end of this run, to see what taking a request costs a worker.
    "cached": {"PAGE_CACHE_SECONDS": "300", "APPOINTMENT_MIN_SUBMIT_SECONDS": "0"},
}


def main() -> int:
    seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    rounds = max(1, int(os.environ.get("BENCH_ROUNDS", "3")))
    per_run = max(1, round(seconds / rounds))
    modes = selected("BENCH_MODES", MODE_SETTINGS)
    env = bench_environment()
    print(f"Building the demo site in {BENCH_DIR.relative_to(ROOT)} (production settings)…")
    build_site(env)

    # Queries and sizes are measured in this process, on the page as built (not a cached copy).
    os.environ.update(env, PAGE_CACHE_SECONDS="0")
    import django

    django.setup()
    from .handouts import build_figures, describe, serve_figures
    from .pages import measure, page_paths

    paths = page_paths()
    chosen = selected("BENCH_PAGES", paths)
    partial = len(chosen) < len(paths) or len(modes) < len(MODE_SETTINGS)
    handout_pdf = build_figures() if "cached" in modes else None
    pages = {}
    for key in chosen:
        if paths[key] is None:
            print(f"  {key}: no such page in the demo site yet — skipped")
            continue
        pages[key] = {"path": paths[key], **measure(paths[key])}

    results = {
        "pages": {},
        "tool": "wrk 4 (-t2 -c8)",
        "seconds_per_run": per_run,
        "rounds": rounds,
        "seconds_per_page": per_run * rounds,
        "statistic": "median of the rounds; spread_pct = (max - min) / median of their rps",
        "modes": MODES,
    }
    for mode in modes:
        overrides = MODE_SETTINGS[mode]
        with Gunicorn(bench_environment(**overrides) | {"SECRET_KEY": env["SECRET_KEY"]}) as server:
            urls = {key: server.url + figures["path"] for key, figures in pages.items()}
            if mode == "cached":
                urls[STATIC] = server.url + static_css_path()
            for url in urls.values():
                warm(url)

            def show(key, number, mode=mode, urls=urls):
                path = urls[key].removeprefix(server.url)
                print(f"  {mode:8} round {number + 1}/{rounds} {key:10} {path}")

            pids = tuple(server.worker_pids())
            for key, run in wrk_rounds(urls, rounds, per_run, show, pids).items():
                if key == STATIC:
                    results["static"] = run
                else:
                    results["pages"].setdefault(key, {})[mode] = run
            if mode == "cached":
                results["worker_rss_mb"] = server.worker_rss_mb()
                results["worker_rss_mb_after_form"] = rss_after_forms(server)
                if handout_pdf is not None:
                    print(f"  {mode:8} {'handout PDF':10} {handout_pdf['path']}")
                    handout_pdf = serve_figures(server.url, handout_pdf, seconds)
    results["handout_pdf"] = handout_pdf
    for key, figures in pages.items():
        results["pages"].setdefault(key, {}).update(
            queries=figures["queries"],
            queries_cold=figures["queries_cold"],
            queries_cold_unshared=figures["queries_cold_unshared"],
            queries_after_publish=figures["queries_after_publish"],
            html_bytes=figures["html_bytes"],
            gzip_bytes=figures["gzip_bytes"],
        )
    results["checks"] = checks(results)
    path = ROOT / "var" / ("bench-partial.json" if partial else "bench.json")
    if path.exists() and "volume" in (earlier := json.loads(path.read_text())):
        results["volume"] = earlier["volume"]  # make bench-volume's figures are kept
    path.write_text(json.dumps(results, indent=2))
    print_table(results)
    if handout_pdf is not None:
        print(describe(handout_pdf))
    print(f"\nWritten to {path}" + (" (a subset: BENCH_PAGES or BENCH_MODES)" if partial else ""))
    return 0


def selected(variable: str, known) -> list[str]:
    """The keys named in the environment variable (comma-separated), in `known`'s order; all of
    them without it."""
    named = [key.strip() for key in os.environ.get(variable, "").split(",") if key.strip()]
    unknown = set(named) - set(known)
    if unknown:
        known_keys = ", ".join(known)
        raise SystemExit(f"{variable}: unknown {', '.join(sorted(unknown))} (known: {known_keys})")
    return [key for key in known if not named or key in named]


def warm(url: str) -> None:
    """One request fills the page cache; a second of load reaches both workers, so neither
    pays its first-request work (templates compiled, fragments built) in the measured run."""
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
    wrk(url, seconds=1)


def rss_after_forms(server) -> float:
    """Workers load Celery only to queue an appointment request: the memory after a few."""
    for number in range(4):  # two workers: a few, so both are likely to take one
        status, _ = submit(server.url, number)
        assert status == 303, f"the appointment form answered {status}"
    return server.worker_rss_mb()


def static_css_path() -> str:
    from django.templatetags.static import static

    return static("website/css/site.css")


if __name__ == "__main__":
    sys.exit(main())
