"""Indexes for an inbox of 100,000 requests (make bench-volume): its order, newest first, on every
database; on PostgreSQL, trigram indexes (pg_trgm) for the search, which looks for any part of a
name or email (UPPER(…) LIKE, as Django's icontains writes it) or of the phone number's digits.
SQLite has no such index and needs none at a practice's size; the step does nothing there."""

from django.db import migrations, models

TRIGRAM_INDEXES = {
    "appointment_first_name_trgm": "UPPER(first_name) gin_trgm_ops",
    "appointment_last_name_trgm": "UPPER(last_name) gin_trgm_ops",
    "appointment_email_trgm": "UPPER(email) gin_trgm_ops",
    "appointment_phone_trgm": "phone gin_trgm_ops",
}
TABLE = "appointments_appointmentrequest"


def add_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, expression in TRIGRAM_INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {TABLE} USING gin ({expression})"
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("appointments", "0006_patient_language")]

    operations = [
        migrations.AddIndex(
            model_name="appointmentrequest",
            index=models.Index(fields=["received_at", "id"], name="appointment_received_idx"),
        ),
        migrations.RunPython(add_trigram_indexes, drop_trigram_indexes),
    ]
