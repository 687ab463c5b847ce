"""On PostgreSQL the search's condition, `(title || body) @@ query` as Wagtail's backend writes
it, can be answered from the index migration sitesearch/0001 adds on that very expression. If
an upgrade of the backend wrote it differently, the index would silently stop being used (every
search a sequential scan of the index table): this notices. SQLite searches an FTS5 table."""

import importlib
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.website.factories import StandardPageFactory

pytestmark = pytest.mark.django_db
INDEX = importlib.import_module("sitesearch.migrations.0001_search_vector_index").INDEX


# The condition as the backend writes it, and nothing else of the query (whose joins and
# filters the planner may answer from other indexes).
CONDITION = re.compile(
    r'\("wagtailsearch_indexentry"\."title" \|\| "wagtailsearch_indexentry"\."body"\) @@ '
    r"\(to_tsquery\('\w+'::regconfig, '(?:[^']|'')*'\)\)"  # a quoted string: '' is a quote
)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's full-text search")
def test_the_search_condition_is_read_from_its_index(client, home_page):
    StandardPageFactory(parent=home_page, title="Back pain", intro="About back pain.")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/search/", {"q": "back pain"}).status_code == 200
    conditions = {m.group(0) for q in queries.captured_queries if (m := CONDITION.search(q["sql"]))}
    assert conditions, "the backend no longer writes (title || body) @@ query"
    with connection.cursor() as cursor:
        # A few rows: the planner would rightly read them all. Asked to avoid that, it can
        # only if an index answers the condition.
        cursor.execute("SET LOCAL enable_seqscan = off")
        for condition in conditions:  # SQL the backend itself wrote, with the query's words
            explain = f"EXPLAIN SELECT 1 FROM wagtailsearch_indexentry WHERE {condition}"  # noqa: S608
            cursor.execute(explain)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert f"Bitmap Index Scan on {INDEX}" in plan, plan
