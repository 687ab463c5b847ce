"""`make bench-volume` (not in CI): the site five years on, on PostgreSQL. Creates a scratch
database (VOLUME_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/practice_bench_volume;
its name must contain "bench", as it is dropped first), builds the demo site in it in production
settings, counts the public pages' queries at demo size and keeps a copy of it (<name>_demo);
then loads the volume (`manage.py load_volume`: 100,000 appointment requests, 2,000 articles,
300 handouts, 20 offices, 40 physicians) and measures again, with the staff tools. The pages'
requests/s at both sizes are measured at the end, both served at once, in alternating rounds
(VOLUME_ROUNDS, default 3; the median). The figures and their targets are printed and written to
var/bench.json under "volume" (the rest of the file, from `make bench`, is kept). BENCH_SECONDS
(default 5) sets each wrk run (a page's rounds run half as long each); VOLUME_KEEP_DATABASE=1
leaves both databases; VOLUME_SCALE (default 1) loads a fraction of the volume, for a quick try
of the bench itself."""

import json
import os
import sys
import time
from urllib.parse import urlsplit

from .server import ROOT, bench_environment, manage

VOLUME_DIR = ROOT / "var" / "bench-volume"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/practice_bench_volume"
TARGETS = {
    "inbox_p95_ms": 300,
    "export_seconds": 60,
    "export_memory_mb": 100,
    "purge_batch_seconds": 1.0,
    "pages_vs_demo": 0.8,  # uncached requests/s at least 80% of the demo-size figure
    "search_p95_ms": 150,
}


def scratch_database(url: str) -> str:
    """Drops and creates the database of `url`; returns its name."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if parts.scheme not in {"postgres", "postgresql"} or "bench" not in name:
        raise SystemExit(f"VOLUME_DATABASE_URL must be a PostgreSQL database named *bench*: {url}")
    _on_server(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
    return name


def drop_database(url: str) -> None:
    _on_server(url, f'DROP DATABASE IF EXISTS "{urlsplit(url).path.lstrip("/")}" WITH (FORCE)')


def copy_database(url: str, name: str) -> str:
    """A copy of the database of `url` named `name` (PostgreSQL's CREATE DATABASE … TEMPLATE);
    returns its URL."""
    template = urlsplit(url).path.lstrip("/")
    _on_server(
        url,
        f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
        f'CREATE DATABASE "{name}" TEMPLATE "{template}"',
    )
    return urlsplit(url)._replace(path=f"/{name}").geturl()


def _on_server(url: str, *statements: str) -> None:
    """Runs `statements` on the server of `url`, from its maintenance database, once this
    process (if Django is set up yet) has closed its own connections: a template or dropped
    database must have none."""
    import psycopg
    from django.apps import apps
    from django.db import connections

    if apps.ready:
        connections.close_all()
    server = urlsplit(url)._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def main() -> int:
    url = os.environ.get("VOLUME_DATABASE_URL", DEFAULT_DATABASE_URL)
    seconds = int(os.environ.get("BENCH_SECONDS", "5"))
    name = scratch_database(url)
    env = bench_environment(
        DATABASE_URL=url,
        CACHE_URL=f"file://{VOLUME_DIR / 'cache'}",
        CELERY_BROKER_FOLDER=str(VOLUME_DIR / "broker"),
        EMAIL_FOLDER=str(VOLUME_DIR / "mail"),
        STATIC_ROOT=str(VOLUME_DIR / "static"),
        MEDIA_ROOT=str(VOLUME_DIR / "media"),
    )
    print(f"Building the demo site in the scratch database {name} (production settings)…")
    VOLUME_DIR.mkdir(parents=True, exist_ok=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput", "-v0")
    os.environ.update(env, PAGE_CACHE_SECONDS="0")
    import django

    django.setup()
    from .volume_public import page_queries, page_rates, search_figures
    from .volume_staff import export_figures, inbox_figures, purge_figures, staff_client

    print("Demo size:")
    demo_pages = page_queries()
    demo_search = search_figures()
    # The demo-size site is kept beside the volume so that both are served at once at the end and
    # their rates measured in turn (volume_public.page_rates), not minutes apart.
    demo_url = copy_database(url, f"{name}_demo")
    print("Loading the volume (manage.py load_volume)…")
    started = time.monotonic()
    scale = os.environ.get("VOLUME_SCALE", "1")
    manage(env, "load_volume", "--into-database", name, "--scale", scale)
    load_seconds = round(time.monotonic() - started)
    print("At volume:")
    volume_pages = page_queries()
    demo_env = env | {"DATABASE_URL": demo_url, "CACHE_URL": f"file://{VOLUME_DIR / 'cache-demo'}"}
    rates = page_rates(
        {key: row["path"] for key, row in demo_pages.items()},
        {"demo": demo_env, "volume": env},
        seconds,
    )
    results = {
        "database": "postgresql",
        "load_seconds": load_seconds,
        "counts": counts(),
        "pages": {
            key: {
                "demo": demo_pages[key] | rates["demo"][key],
                "volume": volume_pages[key] | rates["volume"][key],
            }
            for key in demo_pages
        },
        "search": {"demo": demo_search, "volume": search_figures()},
    }
    client = staff_client()
    results["inbox"] = inbox_figures(client)
    results["export"] = {fmt: export_figures(client, fmt) for fmt in ("csv", "xlsx")}
    results["purge"] = purge_figures()
    results["targets"] = TARGETS
    results["checks"] = checks(results)
    path = ROOT / "var" / "bench.json"
    everything = json.loads(path.read_text()) if path.exists() else {}
    everything["volume"] = results
    path.write_text(json.dumps(everything, indent=2))
    print_checks(results["checks"])
    print(f"\nWritten to {path} under 'volume'")
    if os.environ.get("VOLUME_KEEP_DATABASE") != "1":
        drop_database(url)
        drop_database(demo_url)
    return 0 if all(check["met"] for check in results["checks"].values()) else 1


def counts() -> dict:
    from appointments.models import AppointmentRequest
    from blog.models import ArticlePage
    from handouts.models import HandoutPage
    from locations.models import LocationPage
    from physicians.models import PhysicianPage
    from website.volume.pages import english

    return {
        "appointment_requests": AppointmentRequest.objects.count(),
        "articles": english(ArticlePage).count(),
        "handouts": english(HandoutPage).count(),
        "offices": english(LocationPage).count(),
        "physicians": english(PhysicianPage).count(),
    }


def checks(results: dict) -> dict:
    t = TARGETS
    found = {}
    for name, row in results["inbox"].items():
        found[f"inbox {name}: p95 < {t['inbox_p95_ms']} ms"] = (
            row["p95_ms"],
            row["p95_ms"] < t["inbox_p95_ms"],
        )
    total = results["counts"]["appointment_requests"]
    for fmt, row in results["export"].items():
        found[f"export {fmt} of {total:,}: streamed"] = (row["streamed"], row["streamed"])
        found[f"export {fmt}: < {t['export_seconds']} s"] = (
            row["seconds"],
            row["seconds"] < t["export_seconds"],
        )
        found[f"export {fmt}: memory growth < {t['export_memory_mb']} MB"] = (
            row["memory_growth_mb"],
            row["memory_growth_mb"] < t["export_memory_mb"],
        )
    csv_rows = results["export"]["csv"]["rows"]
    found["export csv: every request"] = (csv_rows, csv_rows == total)
    purge = results["purge"]
    found[f"purge: all {purge['expired_before']:,} expired deleted"] = (
        purge["deleted"],
        purge["deleted"] == purge["expired_before"] and purge["left_expired"] == 0,
    )
    found[f"purge: longest batch < {t['purge_batch_seconds']} s"] = (
        purge["longest_batch_s"],
        purge["longest_batch_s"] < t["purge_batch_seconds"],
    )
    for key, row in results["pages"].items():
        demo, volume = row["demo"], row["volume"]
        floor = round(demo["rps"] * t["pages_vs_demo"], 1)
        found[f"{key} uncached >= {floor}/s (80% of demo size {demo['rps']})"] = (
            volume["rps"],
            volume["rps"] >= floor,
        )
        found[f"{key} queries = demo size ({demo['queries']})"] = (
            volume["queries"],
            volume["queries"] == demo["queries"],
        )
    p95 = results["search"]["volume"]["p95_ms"]
    found[f"search p95 < {t['search_p95_ms']} ms (PostgreSQL full text)"] = (
        p95,
        p95 < t["search_p95_ms"],
    )
    return {name: {"value": value, "met": met} for name, (value, met) in found.items()}


def print_checks(found: dict) -> None:
    print("\nvolume targets:")
    for name, check in found.items():
        print(f"  {'✓' if check['met'] else '✗'} {name}: {check['value']}")


if __name__ == "__main__":
    sys.exit(main())
