import re

import pytest

from tests.accounts.factories import login_verified

from .factories import build_appointment_page, user_in_group

VALID = {
    "first_name": "Jane",
    "last_name": "Doe",
    "phone": "(312) 555-0177",
    "email": "jane.doe@example.com",
    "preferred_contact": "phone",
    "patient_type": "new",
    "preferred_days": ["mon", "thu"],
    "preferred_times": ["morning"],
    "reason": "Aching lower back for three months",
    "insurance": "Blue Cross PPO",
    "referral_source": "doctor",
    "privacy_acknowledged": "on",
}


@pytest.fixture(autouse=True)
def _patient_speed_and_no_rate_limit(settings):
    """Tests fill the form faster than a person and from one address; the spam tests set these
    back to what they check."""
    settings.APPOINTMENT_MIN_SUBMIT_SECONDS = 0
    settings.APPOINTMENT_RATE_LIMIT = 10_000
    settings.RECAPTCHA_PUBLIC_KEY = settings.RECAPTCHA_PRIVATE_KEY = ""


@pytest.fixture
def appointment_page(home_page):
    return build_appointment_page(home_page)


def form_token(html: str) -> str:
    return re.search(r'name="form_token" value="([^"]+)"', html).group(1)


def assert_turned_down_as_typed(response, message: str) -> str:
    """Nothing is stored; the form comes back with `message` and what the patient typed (the
    valid request of `submit`). Returns the page's HTML."""
    from appointments.models import AppointmentRequest

    html = response.content.decode()
    assert response.status_code == 200
    assert not AppointmentRequest.objects.exists()
    assert message in html
    assert f'name="first_name" value="{VALID["first_name"]}"' in html
    assert f'name="phone" value="{VALID["phone"]}"' in html
    assert VALID["reason"] in html
    return html


def submit(client, page, data=None, **extra):
    """Opens the form like a browser, then sends it with `data` (default: a valid request)."""
    html = client.get(page.url, **extra).content.decode()
    payload = {**VALID, **(data or {})}
    payload.setdefault("form_token", form_token(html))
    payload = {key: value for key, value in payload.items() if value is not None}
    return client.post(page.url, payload, **extra)


@pytest.fixture
def front_desk(client, home_page):
    """A front-desk member, signed in (two-factor verified) on `client`."""
    user = user_in_group("maria", "Front desk")
    login_verified(client, user)
    return user
