"""`make bench`: builds the demo site in production settings, serves it with gunicorn (2 sync
workers) on 127.0.0.1 and loads each page with wrk; prints a table and writes var/bench.json.
BENCH_SECONDS sets the length of each load run (default 10).

Three ways a page is served, each its own gunicorn run:
- cached: the full-page cache on (production);
- uncached: the full-page cache off, so every request builds the page: routing, queries, templates.
  Site-wide fragments (navigation, footer, banner, clinic JSON-LD) come from the worker's memory
  as on every page-cache miss in production (website/site_memo.py). The targets use this figure.
- cold: that memory off too (SITE_MEMO_SECONDS=0): everything built from the database every time,
  what the first request after a publish costs. Shown so nothing is hidden.
"""

import json
import os
import sys
import urllib.request

from .client import submit
from .load import wrk
from .server import BENCH_DIR, ROOT, Gunicorn, bench_environment, build_site

# The Wagtail team's demo site on this machine (2 cores, gunicorn 2 sync workers, SQLite,
# wrk -t2 -c8): requests/s. Our uncached pages aim at twice these.
DEMO_RPS = {"home": 43, "article": 82, "search": 39}
# Pages that are never served from the page cache, by design.
NEVER_CACHED = {"search"}
MODES = {
    "cached": "full-page cache on",
    "uncached": "full-page cache off; site-wide fragments kept in worker memory",
    "cold": "full-page cache off and no fragments kept (SITE_MEMO_SECONDS=0)",
}
MODE_SETTINGS = {
    "cold": {"PAGE_CACHE_SECONDS": "0", "SITE_MEMO_SECONDS": "0"},
    "uncached": {"PAGE_CACHE_SECONDS": "0"},
    # The form is sent at the end of this run, to see what taking a request costs a worker.
    "cached": {"PAGE_CACHE_SECONDS": "300", "APPOINTMENT_MIN_SUBMIT_SECONDS": "0"},
}
TARGETS = {
    "uncached_vs_demo": 2.0,
    "cached_vs_static": 0.75,
    "cached_p99_ms": 50,
    "article_html_bytes": 30_000,
    "worker_rss_mb": 110,
}


def main() -> int:
    seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    env = bench_environment()
    print(f"Building the demo site in {BENCH_DIR.relative_to(ROOT)} (production settings)…")
    build_site(env)

    # Queries and sizes are measured in this process, on the page as built (not a cached copy).
    os.environ.update(env, PAGE_CACHE_SECONDS="0")
    import django

    django.setup()
    from .handouts import build_figures, describe, serve_figures
    from .pages import measure, page_paths

    handout_pdf = build_figures()
    paths = page_paths()
    pages = {}
    for key, path in paths.items():
        if path is None:
            print(f"  {key}: no such page in the demo site yet — skipped")
            continue
        pages[key] = {"path": path, **measure(path)}

    results = {"pages": {}, "tool": "wrk 4 (-t2 -c8)", "seconds_per_run": seconds, "modes": MODES}
    for mode, overrides in MODE_SETTINGS.items():
        with Gunicorn(bench_environment(**overrides) | {"SECRET_KEY": env["SECRET_KEY"]}) as server:
            for key, figures in pages.items():
                print(f"  {mode:8} {key:10} {figures['path']}")
                warm(server.url + figures["path"])
                run = wrk(server.url + figures["path"], seconds=seconds)
                results["pages"].setdefault(key, {})[mode] = run
            if mode == "cached":
                static_path = static_css_path()
                results["static"] = wrk(server.url + static_path, seconds=seconds)
                results["worker_rss_mb"] = server.worker_rss_mb()
                results["worker_rss_mb_after_form"] = rss_after_forms(server)
                if handout_pdf is not None:
                    print(f"  {mode:8} {'handout PDF':10} {handout_pdf['path']}")
                    handout_pdf = serve_figures(server.url, handout_pdf, seconds)
    results["handout_pdf"] = handout_pdf
    for key, figures in pages.items():
        results["pages"][key].update(
            queries=figures["queries"],
            queries_cold=figures["queries_cold"],
            html_bytes=figures["html_bytes"],
            gzip_bytes=figures["gzip_bytes"],
        )
    results["checks"] = checks(results)
    path = ROOT / "var" / "bench.json"
    if path.exists() and "volume" in (earlier := json.loads(path.read_text())):
        results["volume"] = earlier["volume"]  # make bench-volume's figures are kept
    path.write_text(json.dumps(results, indent=2))
    print_table(results)
    print(describe(handout_pdf))
    print(f"\nWritten to {ROOT / 'var' / 'bench.json'}")
    return 0


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


def checks(results: dict) -> dict:
    """Each target of the issue, with the measured figure and whether it is met."""
    static_rps = results["static"]["rps"]
    found = {}
    for key, demo in DEMO_RPS.items():
        if key in results["pages"]:
            rps = results["pages"][key]["uncached"]["rps"]
            target = demo * TARGETS["uncached_vs_demo"]
            found[f"{key} uncached >= {target:g}/s"] = (rps, rps >= target)
    for key, figures in results["pages"].items():
        if key in NEVER_CACHED:
            continue  # search results must not be cached: they have no cached figure to meet
        rps = figures["cached"]["rps"]
        target = round(static_rps * TARGETS["cached_vs_static"], 1)
        found[f"{key} cached >= {target:g}/s (0.75x static)"] = (rps, rps >= target)
        p99 = figures["cached"]["p99_ms"]
        found[f"{key} cached p99 < {TARGETS['cached_p99_ms']} ms"] = (
            p99,
            p99 < TARGETS["cached_p99_ms"],
        )
    if "article" in results["pages"]:
        size = results["pages"]["article"]["html_bytes"]
        found["article HTML < 30 KB"] = (size, size < TARGETS["article_html_bytes"])
    rss = results["worker_rss_mb"]
    found["worker RSS < 110 MB"] = (rss, rss < TARGETS["worker_rss_mb"])
    return {name: {"value": value, "met": met} for name, (value, met) in found.items()}


def print_table(results: dict) -> None:
    header = (
        f"{'page':11}{'cold rps':>9}{'uncached rps':>13}{'p50':>7}{'p99':>8}"
        f"{'cached rps':>11}{'p50':>6}{'p99':>6}{'queries':>9}{'html':>7}{'gzip':>6}"
    )
    print("\n" + header + "\n" + "-" * len(header))
    for key, row in results["pages"].items():
        u, c = row["uncached"], row["cached"]
        queries = f"{row['queries_cold']}/{row['queries']}"
        print(
            f"{key:11}{row['cold']['rps']:>9}{u['rps']:>13}{u['p50_ms']:>7}{u['p99_ms']:>8}"
            f"{c['rps']:>11}{c['p50_ms']:>6}{c['p99_ms']:>6}"
            f"{queries:>9}{row['html_bytes']:>7}{row['gzip_bytes']:>6}"
        )
    s = results["static"]
    blank = " " * (9 + 13 + 7 + 8)
    print(f"{'static css':11}{blank}{s['rps']:>11}{s['p50_ms']:>6}{s['p99_ms']:>6}")
    print("\nqueries: cold/uncached. " + "; ".join(f"{m}: {d}" for m, d in MODES.items()))
    print(
        f"\nworker memory (largest RSS): {results['worker_rss_mb']} MB after serving the pages, "
        f"{results['worker_rss_mb_after_form']} MB after taking appointment requests too"
    )
    print("\ntargets:")
    for name, check in results["checks"].items():
        print(f"  [{'x' if check['met'] else ' '}] {name}: {check['value']}")


if __name__ == "__main__":
    sys.exit(main())
