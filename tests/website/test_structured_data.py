import json
import re

import pytest
from wagtail import hooks

from website.structured_data import CLINIC_STRUCTURED_DATA_HOOK

pytestmark = pytest.mark.django_db


def graph_of(response) -> dict:
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert len(blocks) == 1, "one JSON-LD graph per page"
    return json.loads(blocks[0])


def test_every_page_carries_the_clinic_with_a_stable_id(client, home_page, settings):
    settings.SITE_URL = "https://www.example-practice.com"
    graph = graph_of(client.get("/"))
    [clinic] = [node for node in graph["@graph"] if node["@type"] == "MedicalClinic"]
    assert clinic["@id"] == "https://www.example-practice.com/#clinic"
    assert clinic["name"] == "Test Spine Clinic"
    assert clinic["telephone"] == "+13125550100"


def test_text_cannot_break_out_of_the_script_element(client, home_page):
    from website.models import PracticeSettings

    practice = PracticeSettings.for_default_site()
    practice.name = "Evil </script><script>alert(1)</script> & Co"
    practice.save()
    html = client.get("/").content.decode()
    assert "</script><script>alert(1)" not in html
    assert graph_of(client.get("/"))["@graph"][0]["name"] == practice.name


def test_apps_extend_the_clinic_node(client, home_page):
    def add_hours(request, clinic):
        clinic["openingHours"] = "Mo-Fr 08:00-17:00"

    with hooks.register_temporarily(CLINIC_STRUCTURED_DATA_HOOK, add_hours):
        clinic = graph_of(client.get("/"))["@graph"][0]
    assert clinic["openingHours"] == "Mo-Fr 08:00-17:00"
