"""Benchmark: how long the seed handout's PDF takes to build, and to serve once it is cached.

    .venv/bin/python manage.py load_demo && .venv/bin/python manage.py bench_handout_pdf

Building runs WeasyPrint in this process (what the Celery worker does on publish); serving goes
through Django's full request path with the test client (routing, middleware, FileResponse),
reading the whole file, as a patient's download would.
"""

import statistics
import time
from collections.abc import Callable

from django.core.management.base import BaseCommand, CommandError
from django.test import Client

from handouts import pdf
from handouts.demo_content import HANDOUT
from handouts.models import HandoutPage


def timed(action: Callable[[], object], runs: int) -> list[float]:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - started)
    return seconds


def describe(seconds: list[float]) -> str:
    def ms(value: float) -> str:
        return f"{value * 1000:.1f} ms"

    median, fastest, slowest = statistics.median(seconds), min(seconds), max(seconds)
    return f"median {ms(median)} (fastest {ms(fastest)}, slowest {ms(slowest)})"


class Command(BaseCommand):
    help = "Time building the seed handout's PDF, and serving it once it is cached."

    def add_arguments(self, parser):
        parser.add_argument("--slug", default=HANDOUT["slug"], help="the handout to measure")
        parser.add_argument("--runs", type=int, default=5, help="how many times to time each")

    def handle(self, *args, slug, runs, **options):
        page = HandoutPage.objects.live().filter(slug=slug).first()
        if page is None:
            raise CommandError(f"No published handout '{slug}'. Run manage.py load_demo first.")
        missing = pdf.weasyprint_missing()
        if missing:
            raise CommandError(missing)

        build = timed(lambda: pdf.render_pdf(page), runs)
        pdf.cached_pdf(page)
        url = f"{pdf.web_path(page)}pdf/"
        client = Client(HTTP_HOST=page.get_site().hostname)

        def download() -> int:
            response = client.get(url)
            if response.status_code != 200:
                raise CommandError(f"GET {url} answered {response.status_code}")
            return len(b"".join(response.streaming_content))

        size = download()
        serve = timed(download, runs)
        self.stdout.write(f"Handout: {page.title} ({len(page.exercises)} exercises)")
        self.stdout.write(f"Build the PDF, {runs} runs: {describe(build)}")
        self.stdout.write(
            f"Serve the cached PDF ({size // 1024} KB), {runs} runs: {describe(serve)}"
        )
