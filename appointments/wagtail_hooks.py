"""The "Appointment requests" inbox in the Wagtail admin, its history entries and its dashboard
panel. Superusers and the "Front desk" group (see migrations) see it; a custom group sees what
Wagtail gives its permissions, and any of them means a second factor (accounts/two_factor.py)."""

from datetime import timedelta

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter

from . import admin_views
from .forms import AppointmentRequestForm
from .models import AppointmentRequest, Status


class AppointmentRequestViewSet(ModelViewSet):
    model = AppointmentRequest
    name = "appointment_requests"
    url_prefix = "appointment-requests"
    icon = "calendar"
    menu_label = "Appointment requests"
    menu_order = 150
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True

    index_view_class = admin_views.AppointmentRequestIndexView
    edit_view_class = admin_views.AppointmentRequestEditView
    inspect_view_class = admin_views.AppointmentRequestInspectView

    list_display = [
        "full_name",  # the first column links to the request
        "received_display",
        "status",
        "office_display",
        "preferred_contact",
        "preferred_days_display",
        "preferred_times_display",
        "patient_type",
        "phone_link",
        "email_link",
        "captcha",
    ]
    filterset_class = admin_views.AppointmentRequestFilterSet
    search_fields = ["first_name", "last_name", "email", "phone"]
    search_backend_name = None  # plain database queries: patient data stays out of search indexes
    list_per_page = 50

    # The exports' columns (each worked out in export.py, text made formula-safe there).
    list_export = [
        "pk",
        "received_display",
        "first_name",
        "last_name",
        "phone_display",
        "email",
        "office_display",
        "get_language_display",
        "get_preferred_contact_display",
        "get_patient_type_display",
        "preferred_days_display",
        "preferred_times_display",
        "reason",
        "insurance",
        "get_referral_source_display",
        "get_captcha_display",
        "get_status_display",
        "decline_reason",
        "staff_notes",
    ]
    export_headings = {
        "pk": "Request number",
        "office_display": "Preferred office",
        "get_language_display": "Language",
        "get_preferred_contact_display": "Preferred contact",
        "get_patient_type_display": "New or returning",
        "get_referral_source_display": "Heard of us from",
        "get_captcha_display": "Captcha",
        "get_status_display": "Status",
    }

    # Everything the patient typed (the form's fields), between what staff need around it.
    inspect_view_fields = [
        "received_at",
        "status",
        "decline_reason",
        *AppointmentRequestForm.Meta.fields,
        "captcha",
        "staff_notes",
        "staff_notified_at",
        "confirmation",
    ]

    edit_handler = ObjectList(
        [
            HelpPanel(template="appointments/admin/request_summary.html", heading="The request"),
            FieldPanel(
                "status",
                widget=forms.RadioSelect,
                help_text=(
                    "From New, any next step at once (Scheduled after a single call). "
                    "Scheduled, declined and spam requests are deleted once the retention "
                    "period has passed."
                ),
            ),
            FieldPanel("decline_reason"),
            FieldPanel("new_note"),
            HelpPanel(template="appointments/admin/notes_timeline.html", heading="Notes"),
        ],
        base_form_class=admin_views.AppointmentRequestAdminForm,
    )

    @cached_property
    def permission_policy(self):
        return admin_views.AppointmentRequestPermissionPolicy(self.model)


appointment_request_viewset = AppointmentRequestViewSet()


@hooks.register("register_admin_viewset")
def register_appointment_request_viewset():
    return appointment_request_viewset


@hooks.register("register_log_actions")
def register_appointment_log_actions(actions):
    actions.register_action(admin_views.VIEWED, "View", "Viewed")

    @actions.register_action(admin_views.EXPORTED)
    class ExportFormatter(LogFormatter):
        label = "Export"

        def format_message(self, log_entry):
            return f"Exported ({log_entry.data.get('format', '').upper()})"

    @actions.register_action(admin_views.STATUS_CHANGED)
    class StatusFormatter(LogFormatter):
        label = "Change status"

        def format_message(self, log_entry):
            labels = dict(Status.choices)
            before = labels.get(log_entry.data.get("from"), "?")
            after = labels.get(log_entry.data.get("to"), "?")
            return f"Status changed from {before} to {after}"

    actions.register_action(admin_views.NOTE_ADDED, "Add note", "Note added")


class NewRequestsPanel(Component):
    name = "new_appointment_requests"
    template_name = "appointments/admin/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context=None):
        index_url = reverse(appointment_request_viewset.get_url_name("index"))
        # A few minutes' grace: the worker needs a moment even when everything is up.
        waiting = AppointmentRequest.objects.filter(
            staff_notified_at__isnull=True, received_at__lt=timezone.now() - timedelta(minutes=5)
        )
        return {
            "new_count": AppointmentRequest.objects.filter(status=Status.NEW).count(),
            "unemailed_count": waiting.count(),
            "new_url": f"{index_url}?status={Status.NEW}",
        }


@hooks.register("construct_homepage_panels")
def add_new_requests_panel(request, panels):
    # Shown to exactly those who may open the inbox it links to: the inbox's own rule.
    policy = appointment_request_viewset.permission_policy
    index_permissions = appointment_request_viewset.index_view_class.any_permission_required
    if policy.user_has_any_permission(request.user, index_permissions):
        panels.append(NewRequestsPanel())
