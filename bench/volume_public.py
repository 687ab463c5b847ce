"""The public side of `make bench-volume`: each page's queries (in this process) and requests/s
uncached (wrk against gunicorn, as `make bench`), and site search's latency on PostgreSQL's
full-text backend (Wagtail's database backend picks it on PostgreSQL)."""

import time
import urllib.request

from .client import percentile
from .load import wrk
from .server import Gunicorn

SEARCHES = ["back pain", "sciatica", "knee", "injections what to expect", "exercise program"]
SEARCH_RUNS = 20  # per query; p95 over all of them


def page_figures(env: dict, seconds: int) -> dict:
    """Queries (site-wide fragments kept, as served uncached) and uncached requests/s."""
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
    with Gunicorn(env | {"PAGE_CACHE_SECONDS": "0"}) as server:
        for key, row in figures.items():
            url = server.url + row["path"]
            with urllib.request.urlopen(url, timeout=60) as response:
                response.read()
            wrk(url, seconds=1)  # both workers warm
            row.update(wrk(url, seconds=seconds))
            print(f"  {key:10} {row['rps']:>7} req/s uncached, {row['queries']} queries")
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
