"""The "Editors" group receives the weekly medical-review reminder.

Wagtail's own migrations normally create it (with admin access); this makes sure it exists either
way. Its permissions are left to Wagtail and to whoever manages users.
"""

from django.db import migrations

EDITORS_GROUP = "Editors"


def create_editors_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name=EDITORS_GROUP)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_editors_group, migrations.RunPython.noop)]
