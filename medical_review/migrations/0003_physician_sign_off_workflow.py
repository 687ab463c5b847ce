"""The physicians' sign-off of clinical pages: the "Physicians" group (admin access only: no
permission on appointment requests, so no second factor is asked of them by default), a group
approval task for it, a workflow of that one task, chosen in Settings → Medical review.

Re-running is safe: what exists is found by name and kept as the practice left it.
"""

from django.db import migrations

PHYSICIANS_GROUP = "Physicians"
SIGN_OFF_WORKFLOW_NAME = "Physician sign-off"
SIGN_OFF_TASK_NAME = "A physician checks the page"


def create_sign_off(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    MedicalReviewSettings = apps.get_model("medical_review", "MedicalReviewSettings")

    physicians, _ = Group.objects.get_or_create(name=PHYSICIANS_GROUP)
    physicians.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    task = GroupApprovalTask.objects.filter(name=SIGN_OFF_TASK_NAME).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=SIGN_OFF_TASK_NAME, content_type=content_type, active=True
        )
        task.groups.add(physicians)
    workflow = Workflow.objects.filter(name=SIGN_OFF_WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=SIGN_OFF_WORKFLOW_NAME, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    settings = MedicalReviewSettings.objects.first() or MedicalReviewSettings()
    if settings.sign_off_workflow_id is None:
        settings.sign_off_workflow = workflow
        settings.save()


class Migration(migrations.Migration):
    dependencies = [
        ("medical_review", "0002_sign_off_settings"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
        # Creates the access_admin permission the group is given.
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_sign_off, migrations.RunPython.noop)]
