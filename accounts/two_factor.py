"""Who must use two-factor authentication in the admin, and the middleware that makes them.

Staff who hold any permission on patients' appointment requests (and superusers, who can see
everything) must sign in with a second factor: a code from an authenticator app (TOTP) or a
one-time recovery code. The password alone gets them as far as enrolment or the code prompt,
and no further.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device


def needs_two_factor(user) -> bool:
    if not settings.ADMIN_TWO_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return any(user.has_perm(perm) for perm in permissions_needing_two_factor())


def permissions_needing_two_factor() -> list[str]:
    """Every permission on the models of TWO_FACTOR_REQUIRED_MODELS, named as has_perm names
    them. Not only `view`: Wagtail opens the inbox, the detail view and the export to anyone
    holding any of add, change, delete or view, and a custom permission (an export one, say)
    is read from the database, so it is covered as soon as its migration creates it."""
    models = [apps.get_model(label) for label in settings.TWO_FACTOR_REQUIRED_MODELS]
    content_types = ContentType.objects.get_for_models(*models).values()
    names = Permission.objects.filter(content_type__in=content_types).values_list(
        "content_type__app_label", "codename"
    )
    return [f"{app_label}.{codename}" for app_label, codename in names]


class AdminTwoFactorMiddleware:
    """Sends staff who need a second factor, and have not given one this session, to enrol or
    to the code prompt before any other admin page. Must come after django_otp's OTPMiddleware."""

    EXEMPT_URL_NAMES = (
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "accounts_two_factor_setup",
        "accounts_two_factor_verify",
        "accounts_recovery_codes",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_verify(request):
            user = request.user
            target = (
                "accounts_two_factor_verify"
                if user_has_device(user, confirmed=True)
                else "accounts_two_factor_setup"
            )
            return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return self.get_response(request)

    def _must_verify(self, request) -> bool:
        admin_root = reverse("wagtailadmin_home")
        if not request.path_info.startswith(admin_root):
            return False
        if request.path_info in {reverse(name) for name in self.EXEMPT_URL_NAMES}:
            return False
        user = request.user
        # Verified first: it costs nothing, and spares the permission query on every page.
        return not user.is_verified() and needs_two_factor(user)
