"""What a user may do with a clinical page (see sign_off.py)."""

from wagtail.models import PagePermissionTester

from .sign_off import PHYSICIANS_GROUP, may_publish_without_sign_off, sign_off_workflow


class ClinicalPagePermissionTester(PagePermissionTester):
    """What a user may do with a clinical page: as any page, except that while the sign-off
    workflow is on, only administrators publish it directly; editors submit it instead.
    Physicians may open and correct clinical pages (a draft; they cannot publish), so after
    signing one off they land back on it rather than on a refusal."""

    def can_edit(self):
        if super().can_edit():
            return True
        return (
            self.user.is_active
            and not self.page_is_root
            and self.user.groups.filter(name=PHYSICIANS_GROUP).exists()
        )

    def can_publish(self):
        if not super().can_publish():
            return False
        if sign_off_workflow() is None:
            return True
        return may_publish_without_sign_off(self.user)
