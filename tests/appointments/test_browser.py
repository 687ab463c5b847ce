"""The form in headless Chromium, driven by the keyboard alone, checked by axe-core."""

import pytest

from appointments.models import AppointmentRequest
from tests.harness.browser import assert_no_axe_violations, assert_no_sideways_scroll

pytestmark = pytest.mark.browser


def focused(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.className")


def tab_to(page, element_id: str, limit: int = 40) -> None:
    for _ in range(limit):
        if page.evaluate("document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached #{element_id}")


def type_into(page, element_id: str, text: str) -> None:
    tab_to(page, element_id)
    page.keyboard.type(text)


def press_space_on(page, element_id: str) -> None:
    tab_to(page, element_id)
    page.keyboard.press("Space")


def test_a_patient_can_fill_in_and_send_the_form_by_keyboard_alone(
    page, live_server, appointment_page
):
    page.goto(live_server.url + appointment_page.url)
    assert_no_axe_violations(page)

    # Sending it empty: the summary takes focus, is announced, and its links lead to the fields.
    type_into(page, "id_first_name", "Jane")
    page.keyboard.press("Enter")
    page.wait_for_selector(".error-summary")
    assert page.title().startswith("Error:")
    assert page.evaluate("document.activeElement.getAttribute('role')") == "alert"
    assert "Enter your last name." in page.inner_text(".error-summary")
    assert_no_axe_violations(page)
    assert page.input_value("#id_first_name") == "Jane"  # kept
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_last_name"
    page.keyboard.press("Enter")
    assert focused(page) == "id_last_name"

    page.keyboard.type("Doe")
    type_into(page, "id_phone", "312 555 0177")
    type_into(page, "id_email", "jane.doe@example.com")
    press_space_on(page, "id_preferred_contact_0")  # Phone call
    page.keyboard.press("ArrowDown")  # radio groups move with the arrow keys: Text message
    tab_to(page, "id_patient_type_0")  # Tab enters a radio group once, at its first option
    page.keyboard.press("ArrowDown")  # Returning
    press_space_on(page, "id_preferred_days_1")  # Tuesday
    press_space_on(page, "id_preferred_times_0")  # Morning
    type_into(page, "id_reason", "Sciatica, left leg")
    type_into(page, "id_insurance", "Aetna")
    tab_to(page, "id_referral_source")
    page.keyboard.press("ArrowDown")  # first real option: my doctor
    press_space_on(page, "id_privacy_acknowledged")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")

    page.wait_for_url("**/thank-you/?r=*")
    assert "Thank you" in page.inner_text("h1")
    assert_no_axe_violations(page)
    stored = AppointmentRequest.objects.get()
    assert (stored.first_name, stored.last_name, stored.phone) == ("Jane", "Doe", "+13125550177")
    assert stored.preferred_contact == "text"
    assert stored.patient_type == "returning"
    assert stored.preferred_days == ["tue"] and stored.preferred_times == ["morning"]
    assert stored.reason == "Sciatica, left leg" and stored.insurance == "Aetna"
    assert stored.referral_source == "doctor"


def test_the_form_fits_a_small_phone_and_loads_nothing_from_elsewhere(
    phone_page, live_server, appointment_page
):
    requests = []
    phone_page.on("request", lambda request: requests.append(request.url))
    phone_page.goto(live_server.url + appointment_page.url)
    phone_page.click("button[type=submit]")
    phone_page.wait_for_selector(".error-summary")
    assert_no_sideways_scroll(phone_page)
    assert_no_axe_violations(phone_page)
    assert [url for url in requests if not url.startswith(live_server.url)] == []


def test_every_error_summary_link_lands_on_its_field_with_its_label_in_view(
    phone_page, live_server, appointment_page
):
    """Radio groups too (their links went to "#", the top of the page), and the field's label
    or legend stays on screen above it rather than under the top edge."""
    phone_page.set_viewport_size({"width": 390, "height": 844})
    phone_page.goto(live_server.url + appointment_page.url)
    phone_page.click("button[type=submit]")
    phone_page.wait_for_selector(".error-summary")
    links = phone_page.eval_on_selector_all(
        ".error-summary a", "links => links.map(a => a.getAttribute('href'))"
    )
    assert {"#id_preferred_contact_0", "#id_patient_type_0", "#id_privacy_acknowledged"} <= set(
        links
    )
    for href in links:
        phone_page.click(f".error-summary a[href='{href}']")
        assert focused(phone_page) == href[1:]
        label_top = phone_page.evaluate(
            """(id) => { const field = document.getElementById(id);
                 const box = field.closest('fieldset.form-field, .form-field');
                 const label = box.querySelector('legend') || box.querySelector('label');
                 return label.getBoundingClientRect().top; }""",
            href[1:],
        )
        assert 0 <= label_top < 844, f"{href}: its label is at {label_top}px"
