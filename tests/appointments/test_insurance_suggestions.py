"""The insurance field suggests the plans we accept (an HTML datalist, no JavaScript) and still
takes any plan typed."""

from appointments.models import AppointmentRequest
from tests.patients.factories import InsurancePlanFactory

from .conftest import submit


def test_the_field_suggests_the_plans_we_accept(client, appointment_page):
    InsurancePlanFactory(name="Medicare")
    InsurancePlanFactory(name="HMO plans")
    html = client.get(appointment_page.url).content.decode()
    assert 'list="insurance-plans"' in html
    assert (
        '<datalist id="insurance-plans"><option value="HMO plans"></option>'
        '<option value="Medicare"></option></datalist>'
    ) in html


def test_no_plans_no_suggestions(client, appointment_page):
    html = client.get(appointment_page.url).content.decode()
    assert "datalist" not in html and 'list="insurance-plans"' not in html


def test_a_plan_not_in_the_list_is_accepted_as_typed(client, appointment_page):
    InsurancePlanFactory(name="Medicare")
    response = submit(client, appointment_page, {"insurance": "Acme Health Gold"})
    assert response.status_code == 303
    assert AppointmentRequest.objects.get().insurance == "Acme Health Gold"
