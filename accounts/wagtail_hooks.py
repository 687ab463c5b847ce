from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.models import ModelLogEntry

from . import views


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/setup/", views.setup, name="accounts_two_factor_setup"),
        path("two-factor/verify/", views.verify, name="accounts_two_factor_verify"),
        path("two-factor/recovery-codes/", views.recovery_codes, name="accounts_recovery_codes"),
        path(
            "two-factor/reset/<int:user_id>/", views.reset_devices, name="accounts_two_factor_reset"
        ),
    ]


@hooks.register("register_log_actions")
def two_factor_log_actions(actions):
    # Staff accounts get a history, so enrolments and resets are on record.
    actions.register_model(get_user_model(), ModelLogEntry)
    actions.register_action(
        "accounts.two_factor_enrolled", "Two-factor on", "Turned on two-factor authentication"
    )
    actions.register_action(
        "accounts.two_factor_reset", "Two-factor reset", "Two-factor authentication reset"
    )


@hooks.register("register_user_listing_buttons")
def reset_two_factor_button(user, request_user):
    if request_user.is_superuser:
        yield ListingButton(
            "Reset two-factor",
            reverse("accounts_two_factor_reset", args=[user.pk]),
            priority=50,
        )


class LockedSignInViewSet(ModelViewSet):
    """Sign-in lockouts (django-axes): deleting an entry unlocks that account at once."""

    model = AccessAttempt
    icon = "lock"
    menu_label = "Locked sign-ins"
    add_to_settings_menu = True
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    list_filter = ["attempt_time"]
    search_fields = ["username", "ip_address"]
    form_fields = ["username"]
    inspect_view_enabled = True


@hooks.register("register_admin_viewset")
def locked_sign_ins():
    return LockedSignInViewSet("locked_sign_ins")
