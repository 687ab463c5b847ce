"""The form page and the thank-you page: AppointmentRequestPage (models/page.py) serves its routes
through these functions, passing itself in; this module never imports the page.

A request that passes the checks is saved first, in a transaction; its emails are queued only
after the commit, and a broker that is down delays them (the sweep in tasks.py catches up)
without the patient ever seeing an error.
"""

import logging
from urllib.parse import urlencode

from csp.decorators import csp_replace, csp_update
from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from hours.models.saved_schedule import schedule_for_request
from website.client_ip import client_ip
from website.models import PracticeSettings

from .forms import AppointmentRequestForm
from .models.requests import (
    WITHDRAWABLE_STATUSES,
    AppointmentRequest,
    Status,
    retention_days,
)
from .patient_links import thank_you_request, thank_you_token, withdraw_request
from .promise import contact_promise
from .recaptcha import CSP_REPLACE, CSP_UPDATE, recaptcha_enabled, uses_v2
from .spam import HONEYPOT_FIELD, FormToken, RateLimit, duration_in_words, honeypot_filled

logger = logging.getLogger(__name__)

FORM_TEMPLATE = "appointments/appointment_request_page.html"
THANK_YOU_TEMPLATE = "appointments/thank_you.html"
WITHDRAW_TEMPLATE = "appointments/withdraw.html"
MULTI_VALUED = {"preferred_days", "preferred_times"}
ATTACHMENT_MESSAGE = gettext_lazy(
    "This form cannot take attachments, so your request has not been sent yet. Please check "
    "your details, then press the button again."
)

# Said to a person whose browser filled the form in for them: why it came back, and that nothing
# is lost.
TOO_QUICK_MESSAGE = gettext_lazy(
    "This form was sent a moment after it opened, faster than a person usually types, so we "
    "held it back in case it came from an automated program. Everything you typed is still "
    "here: please check it, then press the button again."
)


def appointment_form_view(page, request):
    if recaptcha_enabled():
        # Google's script may run on this page only: the policy is widened for this response.
        view = csp_update(CSP_UPDATE)(csp_replace(CSP_REPLACE)(_form_view))
    else:
        view = _form_view
    response = view(page, request)
    # The page holds a one-time form token and, after an error, what the patient typed.
    add_never_cache_headers(response)
    return response


def thank_you_view(page, request):
    context = page.get_context(request)
    appointment = thank_you_request(request.GET.get("r", ""))
    if appointment is not None:
        # Only what the patient needs back: the reference and the promise, nothing they typed.
        context["reference"] = appointment.reference_display
        context["promise"] = contact_promise(
            schedule_for_request(request), timezone.now(), appointment.preferred_contact
        )
    response = TemplateResponse(request, THANK_YOU_TEMPLATE, context)
    add_never_cache_headers(response)
    return response


def withdraw_view(page, request, token):
    """GET shows a button (a mail scanner opening the link changes nothing); POST withdraws.
    The page names nothing the patient typed, only the request's state."""
    appointment = withdraw_request(token)
    if appointment is None:
        raise Http404("This link has expired or is not valid.")
    context = page.get_context(request)
    context["state"] = "ask"
    if appointment.status == Status.WITHDRAWN:
        context["state"] = "already"
    elif appointment.status not in WITHDRAWABLE_STATUSES:
        context["state"] = "settled"
    elif request.method == "POST":
        with transaction.atomic():
            locked = AppointmentRequest.objects.select_for_update().get(pk=appointment.pk)
            if locked.status in WITHDRAWABLE_STATUSES:
                before = locked.status
                locked.status = Status.WITHDRAWN
                locked.status_changed_at = timezone.now()
                locked.save(update_fields=["status", "status_changed_at"])
                log(locked, "appointments.status", data={"from": before, "to": locked.status})
                logger.info("Appointment request #%s withdrawn by the patient", locked.pk)
        context["state"] = "done"
    response = TemplateResponse(request, WITHDRAW_TEMPLATE, context)
    add_never_cache_headers(response)
    return response


def _form_view(page, request):
    if request.method != "POST":
        form = AppointmentRequestForm(initial={"form_token": FormToken.issue()})
        return _render(page, request, form)
    return _handle_submission(page, request)


def _handle_submission(page, request):
    if request.FILES:
        # The form has no file field, and a browser never attaches one to it: whatever sent a
        # file is not our form. Nothing is stored; the text fields come back as they were sent.
        # (Bodies over PUBLIC_REQUEST_MAX_BYTES never get here: see website/request_guard.py.)
        logger.info("Appointment form: refused a submission with a file attached")
        response = _render_again(page, request, ATTACHMENT_MESSAGE)
        response.status_code = 400
        return response

    def thank_you(stored=None):
        """303 to the thank-you page (the browser fetches it with GET: a reload sends nothing
        again), with the stored request's signed reference when there is one."""
        url = page.thank_you_url(request)
        if stored is not None:
            url += "?" + urlencode({"r": thank_you_token(stored)})
        response = redirect(url, permanent=False)
        response.status_code = 303
        return response

    if honeypot_filled(request.POST):
        logger.info("Appointment form: dropped a submission that filled in the honeypot")
        return thank_you()
    token = FormToken.read(request.POST.get("form_token"))
    if token is None:
        return _render_again(
            page, request, _("Sorry, something went wrong on our side. Please check your "
            "details and press the button again.")
        )  # fmt: skip
    if token.sent_too_quickly():
        # Bots post at once. A fast person (autofill) must not lose the request, so nothing is
        # stored but the form comes back as typed; the second press is past the minimum.
        logger.info("Appointment form: a submission came too quickly; the form was shown again")
        return _render_again(page, request, TOO_QUICK_MESSAGE)
    if first := AppointmentRequest.objects.filter(submission_key=token.submission_key).first():
        return thank_you(first)  # a double click or a resubmitted page: the first one is stored
    if token.expired():
        # A token is good for APPOINTMENT_FORM_TOKEN_MAX_AGE_SECONDS, not for ever (a bot could
        # collect them in advance). A tab left open overnight loses nothing: the form comes
        # back as typed, with a fresh token.
        logger.info("Appointment form: a form open past the token's life was shown again")
        return _render_again(page, request, _expired_message())
    rate_limit = RateLimit(request)
    if rate_limit.exceeded():
        logger.info("Appointment form: rate limit reached for a visitor")
        return _render_again(page, request, _rate_limit_message(request))

    form = AppointmentRequestForm(request.POST, remote_ip=client_ip(request))
    if not form.is_valid():
        if first := AppointmentRequest.objects.filter(submission_key=token.submission_key).first():
            return thank_you(first)  # the other half of a double click got there first
        if form.has_error("__all__", "captcha_invalid"):
            rate_limit.record()
        return _render(page, request, form)

    stored = _store(form, token)
    rate_limit.record()
    if stored is None:  # the other half of a double click committed first
        stored = AppointmentRequest.objects.filter(submission_key=token.submission_key).first()
    else:
        logger.info("Appointment request #%s stored", stored.pk)
    return thank_you(stored)


def _store(form, token) -> AppointmentRequest | None:
    # Celery is loaded only once a request is stored: every web worker imports this module with
    # the page model at start-up, and most never take a request (tests/deploy/test_worker_imports).
    from .tasks import queue_delivery

    try:
        with transaction.atomic():
            stored = form.save_request(token.submission_key)
            transaction.on_commit(lambda: queue_delivery(stored.pk))
    except IntegrityError:
        # The same form token committed a moment earlier (a double click that raced this one).
        if AppointmentRequest.objects.filter(submission_key=token.submission_key).exists():
            return None
        raise
    return stored


def _render(page, request, form, notice: str = ""):
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "notice": notice,
            "honeypot": form[HONEYPOT_FIELD],
            "recaptcha": recaptcha_enabled(),
            "recaptcha_v2": uses_v2(),
            "retention_days": retention_days(),
        }
    )
    return TemplateResponse(request, FORM_TEMPLATE, context)


def _render_again(page, request, notice: str):
    """The form as the patient filled it in, with a message at the top and no field errors."""
    initial = {
        name: request.POST.getlist(name) if name in MULTI_VALUED else request.POST.get(name, "")
        for name in AppointmentRequestForm.base_fields
        if name not in {HONEYPOT_FIELD, "form_token", "captcha"}
    }
    initial["privacy_acknowledged"] = bool(request.POST.get("privacy_acknowledged"))
    sent_token = request.POST.get("form_token", "")
    token = FormToken.read(sent_token)
    initial["form_token"] = sent_token if token and not token.expired() else FormToken.issue()
    return _render(page, request, AppointmentRequestForm(initial=initial), notice)


def _expired_message() -> str:
    life = duration_in_words(settings.APPOINTMENT_FORM_TOKEN_MAX_AGE_SECONDS)
    return _(
        "This form was open for more than {duration}, so it has not been sent yet. Please check "
        "your details, then press the button again."
    ).format(duration=life)


def _rate_limit_message(request) -> str:
    practice = PracticeSettings.for_request(request)
    if practice.phone:
        return _(
            "We have received several requests from you in the last hour, so this one was not "
            "sent. To be sure we get it, please call us at {phone}."
        ).format(phone=practice.phone)
    return _(
        "We have received several requests from you in the last hour, so this one was not "
        "sent. Please try again later or call us."
    )
