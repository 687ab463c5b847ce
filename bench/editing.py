"""The page cache's hit rate while an editor publishes (`python -m bench.editing`, in `make bench`).

An editor publishes one new article a minute while visitors read a mix of pages; the figure is
the share of the visitors' requests served from the page cache (X-Cache: HIT). Time is compressed
SPEEDUP times, everything with it: one publish every 60/SPEEDUP s, the visitors' rate SPEEDUP
times a busy practice's (5 page views a second), and PAGE_CACHE_SECONDS divided as well.

Two runs on the same site, the same visitors and the same publishes:
- global: as before selective invalidation, every publish drops every cached page (the editor's
  transaction also calls invalidation.bump(), which is what a publish did);
- selective: a publish drops only the pages that show the article (website/invalidation.py).

The site is the demo site with EXTRA_ARTICLES more articles, in var/bench-editing/ (production
settings, SQLite, the file cache, gunicorn with 2 sync workers). Writes var/bench.json["editing"].
BENCH_EDIT_MINUTES sets how many (compressed) minutes each run lasts (default 15).
"""

import json
import os
import random
import sys
import threading
import time
import urllib.request
from datetime import date

from .server import ROOT, Gunicorn, bench_environment, manage

EDIT_DIR = ROOT / "var" / "bench-editing"
SPEEDUP = 10
PUBLISH_EVERY_SECONDS = 60 / SPEEDUP
READS_PER_SECOND = 5 * SPEEDUP
PAGE_CACHE_SECONDS = 600 // SPEEDUP
EXTRA_ARTICLES = 60
TAGS = ["back-pain", "neck-pain", "exercise", "sleep", "posture", "sciatica"]
VISITORS = 8  # concurrent connections


def environment() -> dict:
    return bench_environment(
        DATABASE_URL=f"sqlite:///{EDIT_DIR / 'db.sqlite3'}",
        CACHE_URL=f"file://{EDIT_DIR / 'cache'}",
        CELERY_BROKER_FOLDER=str(EDIT_DIR / "broker"),
        EMAIL_FOLDER=str(EDIT_DIR / "mail"),
        STATIC_ROOT=str(EDIT_DIR / "static"),
        MEDIA_ROOT=str(EDIT_DIR / "media"),
        PAGE_CACHE_SECONDS=str(PAGE_CACHE_SECONDS),
    )


def main() -> int:
    minutes = int(os.environ.get("BENCH_EDIT_MINUTES", "15"))
    env = environment()
    EDIT_DIR.mkdir(parents=True, exist_ok=True)
    (EDIT_DIR / "db.sqlite3").unlink(missing_ok=True)  # the same site each time: runs compare
    print(f"Building the site in {EDIT_DIR.relative_to(ROOT)} (production settings)…")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput", "-v0")
    os.environ.update(env)
    import django

    django.setup()
    add_articles(EXTRA_ARTICLES)
    paths = visitor_paths()
    results = {
        "speedup": SPEEDUP,
        "publish_every_seconds": PUBLISH_EVERY_SECONDS,
        "reads_per_second": READS_PER_SECOND,
        "page_cache_seconds": PAGE_CACHE_SECONDS,
        "publishes_per_run": minutes,
        "distinct_paths": len(set(paths)),
        "runs": {},
    }
    for mode in ("global", "selective"):
        print(f"  {mode}: {minutes} publishes, {READS_PER_SECOND} reads/s…")
        with Gunicorn(env) as server:
            results["runs"][mode] = run(server.url, paths, mode, minutes)
        print(f"    served from the cache: {results['runs'][mode]['hit_share']:.1%}")
    write(results)
    return 0


def add_articles(count: int) -> None:
    """The demo's blog, grown to a practice's size."""
    from blog.models import ArticlePage, BlogIndexPage

    blog = BlogIndexPage.objects.filter(locale__language_code="en").first()
    have = ArticlePage.objects.child_of(blog).filter(slug__startswith="bench-").count()
    for number in range(have, count):
        publish_article(blog, f"bench-{number}", TAGS[number % len(TAGS)])


def publish_article(blog, slug: str, tag: str):
    """What the admin's "Publish" on a new article does: a draft, then its revision published."""
    from blog.models import ArticlePage

    article = ArticlePage(
        title=f"Article {slug}",
        slug=slug,
        date=date.today(),
        staff_author="Pat Lee, physical therapist",
        intro="What this article is about.",
        body=[("paragraph", "<p>Some advice, a few sentences long.</p>")],
        live=False,
    )
    blog.add_child(instance=article)
    article.tags.add(tag)
    article.save_revision().publish()
    return article


def visitor_paths(count: int = 2000) -> list[str]:
    """What visitors read: the home page and the blog often, articles most, the rest now and
    then; a fixed sample, so both runs see the same requests."""
    from wagtail.models import Page

    from blog.models import ArticlePage

    pages = Page.objects.live().filter(depth__gt=1).specific()
    weighted = []
    for page in pages:
        url = page.url
        if url is None:
            continue
        weight = 40 if page.depth == 2 else 4 if isinstance(page, ArticlePage) else 2
        if page.specific_class.__name__ == "BlogIndexPage":
            weight = 20
        weighted.append((url, weight))
    rng = random.Random(19)  # noqa: S311 (a fixed sample, not a secret)
    return rng.choices([u for u, _ in weighted], [w for _, w in weighted], k=count)


def run(url: str, paths: list[str], mode: str, minutes: int) -> dict:
    from django.db import transaction

    from blog.models import BlogIndexPage
    from website import invalidation

    for path in set(paths):  # every page cached once, as on a site that has been up a while
        fetch(url + path)
    blog = BlogIndexPage.objects.filter(locale__language_code="en").first()
    visitors = Visitors(url, paths)
    visitors.start()
    started = time.monotonic()
    for minute in range(minutes):
        time.sleep(max(0.0, started + (minute + 1) * PUBLISH_EVERY_SECONDS - time.monotonic()))
        with transaction.atomic():
            publish_article(blog, f"{mode}-{minute}-{int(time.time())}", TAGS[minute % len(TAGS)])
            if mode == "global":
                invalidation.bump()  # what every publish did before
    time.sleep(PUBLISH_EVERY_SECONDS / 2)
    return visitors.stop()


def fetch(url: str) -> tuple[str, float]:
    began = time.monotonic()
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()
        return response.headers.get("X-Cache", ""), time.monotonic() - began


class Visitors:
    """VISITORS threads sending requests on a fixed schedule of READS_PER_SECOND (late when the
    server is slow: the schedule is kept, not the pace of the answers)."""

    def __init__(self, url: str, paths: list[str]):
        self.url, self.paths = url, paths
        self.lock = threading.Lock()
        self.sent = 0
        self.results: list[tuple[str, float]] = []
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.visit) for _ in range(VISITORS)]

    def start(self) -> None:
        self.began = time.monotonic()
        for thread in self.threads:
            thread.start()

    def visit(self) -> None:
        while not self.stopping.is_set():
            with self.lock:
                number = self.sent
                self.sent += 1
            time.sleep(max(0.0, self.began + number / READS_PER_SECOND - time.monotonic()))
            result = fetch(self.url + self.paths[number % len(self.paths)])
            with self.lock:
                self.results.append(result)

    def stop(self) -> dict:
        self.stopping.set()
        for thread in self.threads:
            thread.join()
        elapsed = time.monotonic() - self.began
        hits = sum(1 for state, _ in self.results if state == "HIT")
        latencies = sorted(seconds * 1000 for _, seconds in self.results)
        return {
            "requests": len(self.results),
            "hits": hits,
            "hit_share": round(hits / len(self.results), 4),
            "reads_per_second": round(len(self.results) / elapsed, 1),
            "p50_ms": round(latencies[len(latencies) // 2], 1),
            "p99_ms": round(latencies[int(len(latencies) * 0.99)], 1),
        }


def write(results: dict) -> None:
    path = ROOT / "var" / "bench.json"
    existing = json.loads(path.read_text()) if path.exists() else {}
    existing["editing"] = results
    path.write_text(json.dumps(existing, indent=2))
    runs = results["runs"]
    print(
        f"\nServed from the page cache while an editor publishes an article a minute "
        f"(x{SPEEDUP} time): global {runs['global']['hit_share']:.1%}, "
        f"selective {runs['selective']['hit_share']:.1%}"
    )
    print(f"Written to {path}")


if __name__ == "__main__":
    sys.exit(main())
