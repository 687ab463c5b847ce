"""The site is bilingual: the Spanish locale exists from the start, so staff can translate pages
into it (wagtail-localize) without first adding it in Settings → Locales."""

from django.db import migrations


def add_spanish(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="es")


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0003_content_version"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(add_spanish, migrations.RunPython.noop)]
