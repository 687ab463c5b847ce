"""Whatever arrives in the form's POST, the answer is the form again or the thank-you page:
never a server error, and nothing half-stored."""

from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from appointments.models import AppointmentRequest

from .conftest import VALID, form_token

pytestmark = pytest.mark.django_db

FIELDS = [*VALID, "website", "captcha", "g-recaptcha-response", "form_token", "unexpected"]

# Text of every kind: empty, huge, control and NUL characters, emoji, right-to-left, numbers.
any_text = st.one_of(
    st.text(max_size=40),
    st.text(min_size=200, max_size=2000),
    st.sampled_from(["\x00", "\u202e", "💥" * 300, "+" * 50, "1" * 300, " ", "0", "-1", "None"]),
)
plausible = {
    "phone": st.sampled_from(["(312) 555-0177", "+44 20 7946 0958", "312", "phone", ""]),
    "email": st.sampled_from(["jane@example.com", "not-an-email", "@", "a@b", ""]),
    "preferred_contact": st.sampled_from(["phone", "text", "email", "fax", ""]),
    "patient_type": st.sampled_from(["new", "returning", "other", ""]),
    "preferred_days": st.lists(st.sampled_from(["mon", "tue", "sun", "", "x" * 99]), max_size=8),
    "preferred_times": st.lists(st.sampled_from(["morning", "afternoon", "night"]), max_size=4),
    "referral_source": st.sampled_from(["doctor", "other", "tv", ""]),
    "privacy_acknowledged": st.sampled_from(["on", "", "off", "true"]),
}


def field_value(name):
    choices = [any_text, st.lists(any_text, max_size=3)]
    if name in plausible:
        choices.append(plausible[name])
    if name in VALID:
        choices.append(st.just(VALID[name]))
    return st.one_of(*choices)


def holds_nul(data: dict) -> bool:
    values = [v for value in data.values() for v in ([value] if isinstance(value, str) else value)]
    return any("\x00" in value for value in values)


post_data = st.fixed_dictionaries({}, optional={name: field_value(name) for name in FIELDS})


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=post_data, keep_real_token=st.booleans())
@example(data=dict(VALID), keep_real_token=True).via("a real patient's request is stored")
def test_no_input_gives_a_server_error(client, appointment_page, data, keep_real_token):
    real_request = data == VALID and keep_real_token
    if keep_real_token:
        data = dict(data)
        data["form_token"] = form_token(client.get(appointment_page.url).content.decode())
    before = AppointmentRequest.objects.count()
    response = client.post(appointment_page.url, data)  # an exception here fails the test
    after = AppointmentRequest.objects.count()
    if holds_nul(data):
        # A NUL is refused as malformed before the form sees it (website/request_guard.py).
        assert response.status_code == 400
        assert after == before
        return
    assert response.status_code in {200, 303}
    if response.status_code == 200:
        assert after == before, "a form shown again stored nothing"
        assert b'role="alert"' in response.content
    else:
        assert after - before in {0, 1}
        assert urlsplit(response["Location"]).path.endswith("/thank-you/")
    if real_request:
        assert after == before + 1
