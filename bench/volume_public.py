"""The public side of `make bench-volume`: each page's queries (in this process) and requests/s
uncached (wrk against gunicorn, as `make bench`), and site search's latency on PostgreSQL's
full-text backend (Wagtail's database backend picks it on PostgreSQL)."""

import contextlib
import os
import statistics
import time
import urllib.request

from .client import percentile
from .load import wrk
from .server import Gunicorn

SEARCHES = ["back pain", "sciatica", "knee", "injections what to expect", "exercise program"]
SEARCH_RUNS = 20  # per query; p95 over all of them
ROUNDS = int(os.environ.get("VOLUME_ROUNDS", "3"))  # wrk runs per page and size


def page_queries() -> dict:
    """Each page's path and queries (site-wide fragments kept, as served uncached), in this
    process, on the database Django is connected to."""
    from django.test import override_settings

    from .pages import measure, page_paths

    figures = {}
    for key, path in page_paths().items():
        if path is None or key == "search":
            continue
        # Each worker thread reads the content version again once a second: on a busy machine a
        # slow page would count that query or not by chance (tests hold it the same way).
        with override_settings(CONTENT_VERSION_RECHECK_SECONDS=3600):
            measured = measure(path)
        figures[key] = {"path": path, "queries": measured["queries"], "status": measured["status"]}
    return figures


def page_rates(paths: dict[str, str], envs: dict[str, dict], seconds: int) -> dict:
    """Uncached requests/s of each page in each environment (one database each: the demo size and
    the volume), one gunicorn per environment, both running. The sizes are measured in turn,
    page by page, ROUNDS times, and the median kept: a machine that slows for a while (another
    process, the disk) slows both sizes alike instead of whichever was measured then."""
    each = max(2, seconds // 2)
    rates = {label: {key: [] for key in paths} for label in envs}
    with contextlib.ExitStack() as stack:
        servers = {
            label: stack.enter_context(Gunicorn(env | {"PAGE_CACHE_SECONDS": "0"}))
            for label, env in envs.items()
        }
        for path in paths.values():
            for server in servers.values():
                with urllib.request.urlopen(server.url + path, timeout=60) as response:
                    response.read()
                wrk(server.url + path, seconds=1)  # both workers warm
        for turn in range(ROUNDS):
            for key, path in paths.items():
                labels = list(servers)[:: 1 if turn % 2 == 0 else -1]  # neither always first
                for label in labels:
                    rates[label][key].append(wrk(servers[label].url + path, seconds=each))
    figures = {label: {} for label in envs}
    for label, by_page in rates.items():
        for key, runs in by_page.items():
            rps = sorted(run["rps"] for run in runs)
            figures[label][key] = {
                "rps": statistics.median(rps),
                "rps_runs": rps,
                "errors": sum(run["errors"] for run in runs),
            }
    for key in paths:
        row = "  ".join(
            f"{label} {figures[label][key]['rps']:>7} ({figures[label][key]['rps_runs'][0]} to "
            f"{figures[label][key]['rps_runs'][-1]})"
            for label in envs
        )
        print(f"  {key:10} req/s uncached, median (range) of {ROUNDS}: {row}")
    return figures


def search_figures() -> dict:
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    samples, per_query = [], {}
    for query in SEARCHES:
        response = client.get("/search/", {"q": query})  # warm
        assert response.status_code == 200
        times = []
        for _ in range(SEARCH_RUNS):
            started = time.perf_counter()
            client.get("/search/", {"q": query})
            times.append((time.perf_counter() - started) * 1000)
        per_query[query] = round(percentile(times, 0.95), 1)
        samples += times
    figures = {
        "backend": connection.vendor,
        "p50_ms": round(percentile(samples, 0.5), 1),
        "p95_ms": round(percentile(samples, 0.95), 1),
        "p95_ms_by_query": per_query,
    }
    print(f"  search: {figures}")
    return figures
