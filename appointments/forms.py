"""The public appointment request form. Messages are written for patients: what is wrong and
how to put it right."""

import phonenumbers
from django import forms
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from locations.models import LocationPage
from patients.models import plan_names
from physicians.models import PhysicianPage
from website.page_serving import public

from .models.requests import (
    PATIENT_LANGUAGES,
    AppointmentRequest,
    Captcha,
    Confirmation,
    ContactMethod,
    PatientType,
    ReferralSource,
    TimeOfDay,
    Weekday,
)
from .recaptcha import RecaptchaField, recaptcha_enabled
from .spam import HONEYPOT_FIELD

PHONE_EXAMPLE = "(312) 555-0142"
INSURANCE_SUGGESTIONS_ID = "insurance-plans"


class AppointmentRequestForm(forms.ModelForm):
    preferred_days = forms.MultipleChoiceField(
        label=_("Days that suit you"),
        choices=Weekday.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave blank if any day is fine."),
    )
    preferred_times = forms.MultipleChoiceField(
        label=_("Times that suit you"),
        choices=TimeOfDay.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave blank if any time is fine."),
    )
    referral_source = forms.ChoiceField(
        label=_("How did you hear about us?"),
        choices=[("", _("Choose one (optional)")), *ReferralSource.choices],
        required=False,
    )
    privacy_acknowledged = forms.BooleanField(
        label=_(
            "I have read the privacy notice and agree that the practice may contact me "
            "about this request."
        ),
        error_messages={"required": _("Tick the box to say you have read the privacy notice.")},
    )
    # Never shown to people (see the template); a bot that fills in every field fills this in.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)
    form_token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=300)

    class Meta:
        model = AppointmentRequest
        fields = [
            "first_name",
            "last_name",
            "phone",
            "email",
            "preferred_contact",
            "patient_type",
            "preferred_days",
            "preferred_times",
            "reason",
            "insurance",
            "referral_source",
            "preferred_location",
            "preferred_physician",
        ]
        labels = {
            "preferred_location": _("Which office would you like to come to?"),
            "preferred_physician": _("Would you like to see a particular physician?"),
            "first_name": _("First name"),
            "last_name": _("Last name"),
            "phone": _("Phone number"),
            "email": _("Email address"),
            "preferred_contact": _("How should we contact you?"),
            "patient_type": _("Have you been to our practice before?"),
            "reason": _("Reason for your visit"),
            "insurance": _("Insurance"),
        }
        help_texts = {
            "phone": format_lazy(
                _("Include the area code, for example {example}."), example=PHONE_EXAMPLE
            ),
            "email": _("Only if you would like an email confirming we received your request."),
            "reason": _(
                "A few words are enough, for example “low back pain for three months”. Please "
                "do not include detailed medical information: we will ask when we call."
            ),
            "insurance": _("The name of your insurance plan, if you have one."),
        }
        error_messages = {
            "first_name": {"required": _("Enter your first name.")},
            "last_name": {"required": _("Enter your last name.")},
            "phone": {"required": _("Enter a phone number we can call you on.")},
            "email": {
                "invalid": _("Enter an email address like name@example.com, or leave it empty.")
            },
            "preferred_contact": {"required": _("Choose how we should contact you.")},
            "patient_type": {
                "required": _("Tell us whether you have been to our practice before.")
            },
            "reason": {"max_length": _("Keep the reason to 500 characters or fewer.")},
        }
        widgets = {
            "preferred_contact": forms.RadioSelect,
            "patient_type": forms.RadioSelect,
            "reason": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, remote_ip: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_contact"].choices = ContactMethod.choices
        self.fields["patient_type"].choices = PatientType.choices
        autocomplete = {
            "first_name": "given-name",
            "last_name": "family-name",
            "phone": "tel",
            "email": "email",
            "insurance": "off",
            HONEYPOT_FIELD: "off",
        }
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        self.fields["phone"].widget.input_type = "tel"
        self.fields["email"].widget.input_type = "email"
        self.fields[HONEYPOT_FIELD].widget.attrs["tabindex"] = "-1"
        self._offer_offices_and_physicians()
        # The plans we accept (patients' Insurance plans snippet), offered as the patient types;
        # any other plan is still accepted as typed.
        self.insurance_suggestions = plan_names()
        if self.insurance_suggestions:
            self.fields["insurance"].widget.attrs["list"] = INSURANCE_SUGGESTIONS_ID
        if recaptcha_enabled():
            self.fields["captcha"] = RecaptchaField(remote_ip=remote_ip)

    def _offer_offices_and_physicians(self) -> None:
        """Published offices and physicians only; a question with one answer is not asked.
        Each list is read once (one query), and the select shows that list: however many
        offices and physicians there are, the form costs the same two queries."""
        offered = {
            "preferred_location": (
                public(LocationPage.objects.live()).order_by("path"),
                _("Any office"),
                lambda office: f"{office.title} ({office.locality})",
            ),
            "preferred_physician": (
                public(PhysicianPage.objects.live()).order_by("path"),
                _("No preference"),
                lambda physician: physician.doctor_name,
            ),
        }
        for name, (queryset, empty_label, label) in offered.items():
            choices = list(queryset)
            if len(choices) < 2:
                del self.fields[name]
                continue
            field = self.fields[name]
            field.queryset = queryset  # what a posted choice is checked against
            field.widget.choices = [("", empty_label)] + [(c.pk, label(c)) for c in choices]
        if "preferred_physician" in self.fields:
            self.fields["preferred_physician"].help_text = _("Optional.")

    @property
    def visible_patient_fields(self):
        hidden = {HONEYPOT_FIELD, "form_token", "captcha", "privacy_acknowledged"}
        return [self[name] for name in self.fields if name not in hidden]

    @property
    def captcha_verdict(self) -> str:
        field = self.fields.get("captcha")
        return field.verdict if field is not None else Captcha.OFF

    def clean_first_name(self):
        return self.cleaned_data["first_name"].strip()

    def clean_last_name(self):
        return self.cleaned_data["last_name"].strip()

    def clean_phone(self):
        raw = self.cleaned_data["phone"]
        try:
            number = phonenumbers.parse(raw, "US")
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise forms.ValidationError(
                _("Enter a phone number with its area code, for example {example}.").format(
                    example=PHONE_EXAMPLE
                ),
                code="invalid",
            )
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    def clean(self):
        cleaned = super().clean()
        wants_email = cleaned.get("preferred_contact") == ContactMethod.EMAIL
        if wants_email and not cleaned.get("email") and "email" not in self.errors:
            self.add_error(
                "email", _("Enter your email address, or choose another way to contact you.")
            )
        # The captcha has no visible field of its own: its message belongs at the top.
        captcha_errors = self._errors.pop("captcha", None)
        if captcha_errors:
            self.add_error(None, captcha_errors.as_data())
        return cleaned

    def save_request(self, submission_key) -> AppointmentRequest:
        request = self.save(commit=False)
        request.submission_key = submission_key
        request.privacy_acknowledged_at = timezone.now()
        request.captcha = self.captcha_verdict
        language = translation.get_language()  # the page's (LanguageFromPathMiddleware)
        request.language = language if language in dict(PATIENT_LANGUAGES) else "en"
        request.confirmation = Confirmation.PENDING if request.email else Confirmation.NOT_NEEDED
        request.save()
        return request
