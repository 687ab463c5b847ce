"""The handout PDF in `make bench`: how long the seed handout's PDF takes to build (WeasyPrint in
this process, as the Celery worker does on publish), and to serve once it is cached (wrk against
gunicorn; the file is streamed, so the page cache plays no part)."""

import statistics
import time

from django.core.files.storage import default_storage

from .load import wrk

BUILD_RUNS = 5


def seed_handout():
    from handouts.demo_content import HANDOUT
    from handouts.models import HandoutPage

    return HandoutPage.objects.live().filter(slug=HANDOUT["slug"]).first()


def build_figures(runs: int = BUILD_RUNS) -> dict | None:
    """Builds the seed handout's PDF `runs` times, then leaves it in the cache for serving.
    None when the demo has no such handout or WeasyPrint's system libraries are missing."""
    from handouts import pdf

    page = seed_handout()
    if page is None or pdf.weasyprint_missing():
        return None
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        pdf.render_pdf(page)
        seconds.append(time.perf_counter() - started)
    cached = pdf.cached_pdf(page)
    return {
        "path": f"{pdf.web_path(page)}pdf/",
        "pdf_bytes": default_storage.size(cached),
        "build_runs": runs,
        "build_median_ms": round(statistics.median(seconds) * 1000, 1),
        "build_max_ms": round(max(seconds) * 1000, 1),
    }


def serve_figures(server_url: str, figures: dict, seconds: int) -> dict:
    return {**figures, "serve": wrk(server_url + figures["path"], seconds=seconds)}


def describe(figures: dict | None) -> str:
    if figures is None:
        return "handout PDF: not measured (no seed handout, or WeasyPrint cannot load Pango)"
    serve = figures["serve"]
    return (
        f"handout PDF ({figures['pdf_bytes'] // 1024} KB): built in {figures['build_median_ms']} ms"
        f" (median of {figures['build_runs']}, slowest {figures['build_max_ms']} ms); served"
        f" from the cache at {serve['rps']} rps, p50 {serve['p50_ms']} ms, p99 {serve['p99_ms']} ms"
    )
