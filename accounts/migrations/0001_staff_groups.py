"""The staff groups and what each may do (least privilege; documented in README "Staff groups").

- Editors: pages, images, documents, hours and closures. Not appointment requests, not users.
- Front desk: appointment requests (view, work), hours and closures. Not pages.
- Administrators: everything staff manage, including users and locked sign-ins, but not the
  superuser-only settings (who is emailed about requests).

Re-running is safe: permissions are added, never removed, so a practice's own additions stay.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

HOURS = [
    ("hours", "closure", "add_closure"),
    ("hours", "closure", "change_closure"),
    ("hours", "closure", "delete_closure"),
    ("hours", "closure", "view_closure"),
    ("hours", "hourssettings", "change_hourssettings"),
]
ADMIN_ACCESS = [("wagtailadmin", "admin", "access_admin")]
MODEL_PERMISSIONS = {
    "Editors": ADMIN_ACCESS + HOURS,
    "Front desk": ADMIN_ACCESS
    + HOURS
    + [
        ("appointments", "appointmentrequest", "view_appointmentrequest"),
        ("appointments", "appointmentrequest", "change_appointmentrequest"),
    ],
    "Administrators": ADMIN_ACCESS
    + HOURS
    + [
        ("appointments", "appointmentrequest", "view_appointmentrequest"),
        ("appointments", "appointmentrequest", "change_appointmentrequest"),
        ("appointments", "appointmentrequest", "delete_appointmentrequest"),
        ("auth", "user", "add_user"),
        ("auth", "user", "change_user"),
        ("auth", "user", "delete_user"),
        ("axes", "accessattempt", "view_accessattempt"),
        ("axes", "accessattempt", "delete_accessattempt"),
        ("website", "practicesettings", "change_practicesettings"),
        ("wagtailredirects", "redirect", "add_redirect"),
        ("wagtailredirects", "redirect", "change_redirect"),
        ("wagtailredirects", "redirect", "delete_redirect"),
    ],
}
# Page permissions on the whole tree, and image/document permissions on the root collection.
PAGE_PERMISSIONS = {
    "Editors": ["add_page", "change_page", "publish_page"],
    "Administrators": ["add_page", "change_page", "publish_page", "bulk_delete_page",
                       "lock_page", "unlock_page"],
}  # fmt: skip
COLLECTION_PERMISSIONS = {
    "Editors": ["add", "change", "choose"],
    "Administrators": ["add", "change", "delete", "choose"],
}
APPS_WITH_PERMISSIONS = [
    "hours", "appointments", "axes", "website", "wagtailredirects", "wagtailcore",
    "wagtailimages", "wagtaildocs", "auth",
]  # fmt: skip


def ensure_permissions(apps):
    # Permissions are normally created after all migrations; these groups need them now.
    for label in APPS_WITH_PERMISSIONS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_groups(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    for name, permissions in MODEL_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, model, codename in permissions:
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label,
                    content_type__model=model,
                    codename=codename,
                )
            )

    root_page = Page.objects.filter(depth=1).first()
    for name, codenames in PAGE_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            if root_page is not None:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=permission
                )

    root_collection = Collection.objects.filter(depth=1).first()
    for name, actions in COLLECTION_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            for action in actions:
                permission = Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                )
                if root_collection is not None:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0002_front_desk_group"),
        ("medical_review", "0001_editors_group"),
        ("hours", "0001_initial"),
        ("website", "0001_initial"),
        ("axes", "0010_accessattemptexpiration"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
