"""PostgreSQL's plans for what the inbox and site search ask at volume, with the rows each step
touched: figures that do not move with the machine's load, as timings do.

    VOLUME_DATABASE_URL=postgres://…/<a database load_volume filled> \\
        .venv/bin/python -m bench.volume_plans [inbox|search] [--full]

Requests every inbox URL of bench/volume_staff.py (as a signed-in front-desk member) and every
search of bench/volume_public.py, captures the SQL each runs on the appointment requests or the
search index, and prints EXPLAIN (ANALYZE, BUFFERS) of it: one line per query (its plan's
nodes, any sequential scan of a large table flagged), the whole plan with --full."""

import os
import re
import sys

from .server import bench_environment
from .volume import VOLUME_DIR

# A sequential scan of a table this large is what the indexes are there to avoid.
LARGE_TABLE_ROWS = 10_000
# A plan node's name and what it reads: "Index Scan using x on y", "Seq Scan on y", "Sort".
NODE = re.compile(r"(?:->\s+)?([A-Z][A-Za-z ]+?(?: using \S+)?(?: on \S+)?)\s+\(")
WATCHED = ("appointments_appointmentrequest", "wagtailsearch_indexentry")


def explain(sql: str, params) -> list[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        return [row[0] for row in cursor.fetchall()]


def large_tables() -> set[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT relname FROM pg_class WHERE relkind = 'r' AND reltuples > %s",
                       [LARGE_TABLE_ROWS])  # fmt: skip
        return {row[0] for row in cursor.fetchall()}


def summary(plan: list[str], large: set[str]) -> str:
    nodes = []
    for line in plan:
        if "(cost=" not in line:
            continue  # a node's condition or detail, not a node
        if match := NODE.search(line):
            node = match.group(1).strip()
            rows = re.search(r"actual time=\S+ rows=(\d+)", line)
            seq = node.startswith("Seq Scan on") and node.split()[-1] in large
            flagged = " ✗SEQ" if seq else ""
            nodes.append(f"{node}[{rows.group(1) if rows else '?'}]{flagged}")
    total = next((line for line in plan if line.startswith("Execution Time")), "")
    return f"{total}: " + " > ".join(nodes)


def requests() -> dict[str, tuple]:
    from .volume_public import SEARCHES
    from .volume_staff import inbox_urls, staff_client

    found = {}
    wanted = set(sys.argv[1:]) - {"--full"} or {"inbox", "search"}
    if "inbox" in wanted:
        client = staff_client()
        found |= {f"inbox {name}": (client, url) for name, url in inbox_urls().items()}
    if "search" in wanted:
        from django.test import Client

        client = Client(HTTP_HOST="127.0.0.1")
        found |= {f"search {query}": (client, f"/search/?q={query}") for query in SEARCHES}
    return found


def main() -> None:
    environment = bench_environment(
        DATABASE_URL=os.environ["VOLUME_DATABASE_URL"],
        CACHE_URL=f"file://{VOLUME_DIR / 'plans-cache'}",
        STATIC_ROOT=str(VOLUME_DIR / "static"),  # where make bench-volume collected them
        PAGE_CACHE_SECONDS="0",
    )
    os.environ.update(environment | dict(os.environ))  # what the caller set wins
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    large = large_tables()
    for name, (client, url) in requests().items():
        client.get(url)  # warm: what the worker keeps is not asked again
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        print(f"\n{name}: {url}  ({len(queries)} queries)")
        for query in queries.captured_queries:
            if not any(table in query["sql"] for table in WATCHED):
                continue
            plan = explain(query["sql"], None)
            print(f"  {query['sql'][:90]}…\n    {summary(plan, large)}")
            if "--full" in sys.argv:
                print("\n".join(f"      {line}" for line in plan))


if __name__ == "__main__":
    main()
