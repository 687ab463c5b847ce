import secrets

from django.db import migrations, models
from django.utils import timezone


def create_the_row(apps, schema_editor):
    """The one row website/invalidation.py updates on every change; random, as every token."""
    ContentVersion = apps.get_model("website", "ContentVersion")
    ContentVersion.objects.create(pk=1, token=secrets.randbits(63), changed_at=timezone.now())


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0002_optional_page_links"),
    ]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token", models.BigIntegerField()),
                ("changed_at", models.DateTimeField()),
            ],
        ),
        migrations.RunPython(create_the_row, migrations.RunPython.noop),
    ]
