"""A GIN index for the search's own condition on PostgreSQL.

Wagtail's PostgreSQL backend (modelsearch) matches a query against the title and the body as one
vector, `(title || body) @@ query`, so that "back pain" finds a page with "back" in its title
and "pain" in its body. Its migrations index `title` and `body` separately, which that
expression cannot use: every search read and concatenated every entry's vectors (2,000 articles:
a sequential scan of the whole index table, twice, for the count and the page of results). This
index is on the expression itself, so the planner finds the matching entries in it. SQLite's
search (an FTS5 table) needs nothing; the step does nothing there."""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"
INDEX = "sitesearch_indexentry_title_body_gin"


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(add_index, drop_index)]
