"""The "Front desk" group: may open the admin and see and work appointment requests (view and
change: status and notes). Not add (requests come from the form) and not delete (the retention
period does that). Page editors get none of this."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Front desk"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("appointments", "appointmentrequest", "view_appointmentrequest"),
    ("appointments", "appointmentrequest", "change_appointmentrequest"),
]


def create_front_desk_group(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs them now.
    app_config = apps.get_app_config("appointments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, model, codename in PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        )
        group.permissions.add(permission)


def remove_front_desk_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_front_desk_group, remove_front_desk_group)]
