"""JSON-LD of the offices: the practice a MedicalOrganization, each office a MedicalClinic with
address, geo, phone, regular and special opening hours, linked by stable @ids; physicians name
the offices they work in. Every location page's graph is checked against schema.org."""

from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest
import time_machine

from locations.models import LocationPage
from tests.hours.factories import ClosureFactory
from tests.physicians.factories import PhysicianIndexPageFactory, PhysicianPageFactory
from tests.website.test_structured_data import graph_of

from .factories import SATURDAY_MORNING, WEEKDAYS_8_TO_5, LocationPageFactory
from .schema_org import problems

pytestmark = pytest.mark.django_db

SITE = "https://www.example-practice.com"


@pytest.fixture
def practice(home_page, locations_page, settings):
    settings.SITE_URL = SITE
    with time_machine.travel(datetime(2026, 11, 20, 15, 0, tzinfo=UTC), tick=False):
        downtown = LocationPageFactory(
            parent=locations_page,
            title="Downtown Chicago",
            slug="downtown",
            latitude=Decimal("41.867100"),
            longitude=Decimal("-87.647500"),
            week={day: [(time(8), time(12)), (time(13), time(17))] for day in range(5)},
        )
        oak_park = LocationPageFactory(
            parent=locations_page,
            title="Oak Park",
            slug="oak-park",
            fax="",
            week={**WEEKDAYS_8_TO_5, **SATURDAY_MORNING},
        )
        ClosureFactory(label="Training", start_date=date(2026, 12, 2), offices=[oak_park])
        ClosureFactory(
            label="Christmas Eve", start_date=date(2026, 12, 24), hours=[(time(8), time(12))]
        )
        physicians = PhysicianIndexPageFactory(parent=home_page)
        weber = PhysicianPageFactory(parent=physicians, slug="weber", short_name="Dr. Weber")
        weber.locations.set([downtown, oak_park])
        weber.save_revision().publish()
        yield {"downtown": downtown, "oak_park": oak_park, "weber": weber}


def node_of(graph: dict, node_id: str) -> dict:
    [node] = [n for n in graph["@graph"] if n.get("@id") == node_id]
    return node


def test_every_location_page_graph_is_valid_schema_org(client, practice):
    with time_machine.travel(datetime(2026, 11, 20, 15, 0, tzinfo=UTC), tick=False):
        offices = LocationPage.objects.live()
        assert offices.count() == 2
        for office in offices:
            graph = graph_of(client.get(office.url))
            assert problems(graph) == [], office.url
            clinic = node_of(graph, f"{SITE}{office.url}#clinic")
            assert clinic["@type"] == "MedicalClinic"
            assert clinic["parentOrganization"] == {"@id": f"{SITE}/#clinic"}
        for path in ["/locations/", "/"]:
            assert problems(graph_of(client.get(path))) == [], path


def test_offices_carry_address_geo_phone_and_their_own_hours(client, practice):
    with time_machine.travel(datetime(2026, 11, 20, 15, 0, tzinfo=UTC), tick=False):
        graph = graph_of(client.get("/locations/downtown/"))
        oak_park_graph = graph_of(client.get("/locations/oak-park/"))
    downtown = node_of(graph, f"{SITE}/locations/downtown/#clinic")
    assert downtown["address"]["streetAddress"] == practice["downtown"].street_address
    assert downtown["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 41.8671,
        "longitude": -87.6475,
    }
    assert downtown["telephone"] == "+13125550142" and downtown["faxNumber"] == "(312) 555-0143"
    assert {"opens": "13:00", "closes": "17:00"}.items() <= downtown["openingHoursSpecification"][
        1
    ].items()
    assert [s["name"] for s in downtown["specialOpeningHoursSpecification"]] == ["Christmas Eve"]
    assert downtown["member"] == [{"@id": f"{SITE}/physicians/weber/#physician"}]
    oak_park = node_of(oak_park_graph, f"{SITE}/locations/oak-park/#clinic")
    assert [s["name"] for s in oak_park["specialOpeningHoursSpecification"]] == [
        "Training",
        "Christmas Eve",
    ]
    assert "geo" not in oak_park and "faxNumber" not in oak_park
    assert any(s["dayOfWeek"] == ["Saturday"] for s in oak_park["openingHoursSpecification"])
    practice_node = node_of(graph, f"{SITE}/#clinic")
    assert practice_node["@type"] == "MedicalOrganization"
    assert [d["@id"] for d in practice_node["department"]] == [
        f"{SITE}/locations/downtown/#clinic",
        f"{SITE}/locations/oak-park/#clinic",
    ]
    assert "openingHoursSpecification" not in practice_node  # on each office instead


def test_a_physician_names_the_offices_they_work_in(client, practice):
    graph = graph_of(client.get("/physicians/weber/"))
    physician = node_of(graph, f"{SITE}/physicians/weber/#physician")
    assert physician["practicesAt"] == [
        {"@id": f"{SITE}/#clinic"},
        {"@id": f"{SITE}/locations/downtown/#clinic"},
        {"@id": f"{SITE}/locations/oak-park/#clinic"},
    ]


def test_the_check_finds_what_schema_org_does_not_allow():
    clinic = {"@type": "MedicalClinic", "@id": f"{SITE}/x/#clinic", "name": "X"}
    graph = {"@context": "https://schema.org", "@graph": [clinic]}
    assert problems(graph) == []
    clinic["openingHours"] = "Mo-Fr 08:00-17:00"  # LocalBusiness allows it
    assert problems(graph) == []
    clinic["author"] = "nobody"
    clinic["geo"] = {"@type": "GeoCoordinates", "latitude": "41.8", "longitude": -87.6}
    clinic["address"] = {"@type": "GeoCoordinates", "latitude": 1.0, "longitude": 2.0}
    clinic["openingHoursSpecification"] = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["Funday"],
            "opens": "8",
            "closes": "17:00",
        }
    ]
    clinic["department"] = {"@type": "Clinic"}
    assert problems(graph) == [
        "@graph: MedicalClinic has no property author",
        "@graph.geo: latitude and longitude must be numbers",
        "@graph.address: GeoCoordinates is not PostalAddress",
        "@graph.openingHoursSpecification: Funday is not a day of the week",
        "@graph.openingHoursSpecification: opens must be HH:MM",
        "@graph.department: Clinic is not Organization",
        "@graph.department: unknown type Clinic",
    ]
