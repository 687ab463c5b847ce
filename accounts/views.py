"""Enrolment in two-factor authentication, the code prompt, recovery codes, and device reset."""

import segno
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from .forms import TokenForm

RECOVERY_CODE_COUNT = 10
SESSION_RECOVERY_CODES = "accounts_new_recovery_codes"
TOO_MANY_TRIES = "Too many wrong codes: wait a minute, then try the newest code."


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def setup(request):
    """Step 1: scan the QR code; step 2: type a code to prove the app works."""
    # The plain model instance, not request.user's lazy wrappers (Wagtail's log needs its type).
    user = get_user_model().objects.get(pk=request.user.pk)
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect("accounts_two_factor_verify")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _ = device.verify_is_allowed()
        if not allowed:
            form.add_error(
                "token", "Too many wrong codes: wait a minute, then try the newest code."
            )
        elif device.verify_token(form.cleaned_data["token"]):
            with transaction.atomic():
                device.confirmed = True
                device.save()
                codes = _new_recovery_codes(user)
            otp_login(request, device)
            log(instance=user, action="accounts.two_factor_enrolled", user=user)
            request.session[SESSION_RECOVERY_CODES] = codes
            return redirect(f"{reverse('accounts_recovery_codes')}?next={_next_url(request)}")
        else:
            form.add_error(
                "token",
                "That code did not match. Check the time on your phone and try the newest code.",
            )
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#000", light="#fff")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": qr_svg,
            "secret": _spaced(device.bin_key),
            "next": _next_url(request),
        },
    )


def verify(request):
    """The code prompt after the password, once per session."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        throttled = any(
            not device.verify_is_allowed()[0] for device in devices_for_user(request.user)
        )
        device = None if throttled else match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(request, f"You used a recovery code. {left} are left.")
            return redirect(_next_url(request))
        if throttled:
            form.add_error("token", TOO_MANY_TRIES)
        else:
            form.add_error("token", "That code is not valid. Try the newest code from your app.")
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next_url(request)}
    )


def recovery_codes(request):
    """Shows the recovery codes made at enrolment, once, so the staff member can keep them."""
    codes = request.session.pop(SESSION_RECOVERY_CODES, None)
    if not codes:
        return redirect(_next_url(request))
    return render(
        request, "accounts/recovery_codes.html", {"codes": codes, "next": _next_url(request)}
    )


def reset_devices(request, user_id: int):
    """A superuser removes a staff member's devices (lost phone); they enrol again at next login."""
    if not request.user.is_superuser:
        raise PermissionDenied
    staff = get_object_or_404(get_user_model(), pk=user_id)
    if request.method != "POST":
        return render(request, "accounts/reset_confirm.html", {"staff": staff})
    for device in devices_for_user(staff, confirmed=None):
        device.delete()
    log(instance=staff, action="accounts.two_factor_reset", user=request.user)
    messages.success(request, f"Two-factor authentication reset for {staff.get_username()}.")
    return redirect("wagtailusers_users:edit", staff.pk)


def _new_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _spaced(key: bytes) -> str:
    from base64 import b32encode

    text = b32encode(key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))
