"""The handout PDF (WeasyPrint): the same content, the practice's name and phone on every page, a
QR code that decodes to the web version, a weekly tracker; cached per published revision and
built once however many patients ask at the same moment."""

import logging
import threading
import time
from io import BytesIO
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from django.core.files.storage import default_storage
from pypdf import PdfReader

from handouts import demo_content, pdf
from handouts.demo import exercise_value
from website.celery import app as celery_app
from website.models import PracticeSettings

from .factories import exercise, handout_site, picture, publish
from .locking import lock_held_by_another_process

pytestmark = pytest.mark.django_db
needs_weasyprint = pytest.mark.usefixtures("weasyprint")

SEED_EXERCISES = [("exercise", exercise_value(*row)) for row in demo_content.EXERCISES]


def local_file(name: str) -> Path:
    """Where the media storage (the local disk in these tests) keeps `name`."""
    return Path(default_storage.path(name))


def download(client, path: str) -> bytes:
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content)


def page_texts(content: bytes) -> list[str]:
    """Each page's text with runs of whitespace made single spaces (lines wrap differently)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(content)).pages]


def qr_codes_on_first_page(content: bytes) -> list[str]:
    """Renders page 1 as a phone camera would see it (216 dpi) and decodes every barcode."""
    document = pypdfium2.PdfDocument(content)
    try:
        picture = document[0].render(scale=3).to_pil()
    finally:
        document.close()
    return [result.text for result in zxingcpp.read_barcodes(picture)]


@needs_weasyprint
def test_pdf_holds_every_exercise_name_and_dosage_and_the_phone_on_every_page(client, home_page):
    handout_site(home_page, slug="facet-program", exercises=SEED_EXERCISES)
    response = client.get("/handouts/facet-program/pdf/")
    assert response["Content-Disposition"] == 'inline; filename="facet-program.pdf"'
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=60"
    texts = page_texts(b"".join(response.streaming_content))
    whole = " ".join(texts)
    for name, _, sets, reps, hold, frequency, tip in demo_content.EXERCISES:
        assert name in whole
        for label, amount in [("Sets", sets), ("Reps", reps), ("Hold", hold)]:
            assert f"{label} {amount}" in whole, (name, label)
        assert f"Frequency {frequency}" in whole, name
        assert tip in whole
    for number, text in enumerate(texts, start=1):
        assert "Test Spine Clinic" in text and "(312) 555-0100" in text, f"page {number}"
        assert f"Page {number} of {len(texts)}" in text
    assert len(texts) >= 2
    tracker = texts[-1]
    assert "Weekly tracker" in tracker
    for day in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]:
        assert day in tracker
    for number, row in enumerate(demo_content.EXERCISES, start=1):
        assert f"{number}. {row[0]}" in tracker


@needs_weasyprint
def test_pdf_has_the_rest_of_the_handout_too(client, home_page):
    image = picture()
    handout_site(home_page, slug="full", exercises=[("exercise", exercise(1, image=image))])
    content = download(client, "/handouts/full/pdf/")
    whole = " ".join(page_texts(content))
    for text in [
        "Gentle exercises for a sore back.",
        "Frequency: Once or twice daily.",
        "Precautions: things to avoid",
        "Heavy lifting.",
        "Seek emergency care if you have",
        "Loss of bladder or bowel control.",
        "Lumbosacral Facet Syndrome",
        "A physical therapist shows exercise 1 from the side.",
    ]:
        assert text in whole
    # The exercise picture is embedded (read from MEDIA_ROOT, never fetched over HTTP).
    assert any(page.images for page in PdfReader(BytesIO(content)).pages)


@needs_weasyprint
def test_qr_code_decodes_to_the_page_address(client, home_page, settings):
    settings.SITE_URL = "https://www.example-practice.com"
    handout_site(home_page, slug="facet-program")
    standard = download(client, "/handouts/facet-program/pdf/")
    assert qr_codes_on_first_page(standard) == [
        "https://www.example-practice.com/handouts/facet-program/"
    ]
    large = download(client, "/handouts/facet-program/large-print/pdf/")
    assert qr_codes_on_first_page(large) == [
        "https://www.example-practice.com/handouts/facet-program/large-print/"
    ]


@needs_weasyprint
def test_large_print_pdf(client, home_page):
    handout_site(home_page, slug="facet-program", exercises=SEED_EXERCISES)
    response = client.get("/handouts/facet-program/large-print/pdf/")
    assert response["Content-Disposition"] == 'inline; filename="facet-program-large-print.pdf"'
    large = page_texts(b"".join(response.streaming_content))
    standard = page_texts(download(client, "/handouts/facet-program/pdf/"))
    assert len(large) > len(standard), "bigger type takes more pages"
    assert "Seated Forward Flexion Stretch" in " ".join(large)


@needs_weasyprint
@pytest.mark.parametrize("variant", pdf.VARIANTS)
def test_weasyprint_warnings_are_shown_and_the_pdf_stylesheets_raise_none(
    home_page, caplog, variant
):
    # The site's logging lets WeasyPrint's warnings through (CSS it cannot apply, ...) ...
    assert logging.getLogger("weasyprint").isEnabledFor(logging.WARNING)
    handout = handout_site(home_page, slug="facet-program", exercises=SEED_EXERCISES)
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf.render_pdf(handout, variant)
    # ... and the stylesheets the PDF reads give it none to make (screen-only rules stay out).
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []


@needs_weasyprint
def test_pdf_is_built_once_then_served_from_the_cache(client, home_page, media_in_tmp):
    handout = handout_site(home_page, slug="facet-program")
    path = local_file(pdf.pdf_name(handout))
    assert not path.exists()
    first = download(client, "/handouts/facet-program/pdf/")
    assert path.read_bytes() == first
    assert path.parent == media_in_tmp / "handouts"
    assert path.name.startswith(f"{handout.pk}-{handout.live_revision_id}-standard-")
    built_at = path.stat().st_mtime_ns
    assert download(client, "/handouts/facet-program/pdf/") == first
    assert path.stat().st_mtime_ns == built_at
    # Only image renditions are public under /media/; PDFs go through the page's own URL.
    assert client.get(f"/media/handouts/{path.name}").status_code == 404


@needs_weasyprint
def test_a_newly_published_revision_is_never_served_the_old_pdf(client, home_page):
    handout = handout_site(home_page, slug="facet-program")
    assert "Glute Bridge 2" in " ".join(page_texts(download(client, handout.url + "pdf/")))
    handout.exercises = [("exercise", exercise(1, name="Bird Dog"))]
    publish(handout)
    text = " ".join(page_texts(download(client, "/handouts/facet-program/pdf/")))
    assert "Bird Dog" in text and "Glute Bridge 2" not in text


@needs_weasyprint
def test_a_new_practice_phone_number_makes_a_new_pdf(client, home_page):
    handout_site(home_page, slug="facet-program")
    assert "(312) 555-0100" in page_texts(download(client, "/handouts/facet-program/pdf/"))[0]
    practice = PracticeSettings.for_default_site()
    practice.phone = "(312) 555-0199"
    practice.save()
    assert "(312) 555-0199" in page_texts(download(client, "/handouts/facet-program/pdf/"))[0]


def test_unpublishing_removes_the_files(home_page, django_capture_on_commit_callbacks):
    handout = handout_site(home_page)
    path = local_file(pdf.pdf_name(handout))
    path.parent.mkdir(parents=True)
    path.write_bytes(b"%PDF-1.7 an earlier build")
    with django_capture_on_commit_callbacks(execute=True):
        handout.unpublish()
    assert not path.exists()
    assert list(path.parent.iterdir()) == []


def test_a_request_waits_for_the_build_under_way_instead_of_starting_another(transactional_db):
    from tests.website.factories import build_site

    handout = handout_site(build_site())
    name = pdf.pdf_name(handout)
    served = {}
    with pdf.generation_lock(handout.pk):
        waiting = threading.Thread(target=lambda: served.update(name=pdf.cached_pdf(handout)))
        waiting.start()
        time.sleep(0.5)
        assert waiting.is_alive(), "the second request waits for the lock"
        pdf.store(name, b"%PDF-1.7 made by the build already under way")
    waiting.join(timeout=10)
    assert served["name"] == name
    with pdf.open_pdf(name) as file:
        assert file.read() == b"%PDF-1.7 made by the build already under way"


def test_a_build_that_takes_too_long_gets_a_page_not_a_server_error(client, home_page, monkeypatch):
    handout = handout_site(home_page, slug="facet-program")
    monkeypatch.setattr(pdf, "LOCK_WAIT_SECONDS", 0.2)
    with lock_held_by_another_process(handout.pk):
        response = client.get("/handouts/facet-program/pdf/")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert "The PDF is not ready yet" in html
    assert 'href="/handouts/facet-program/">' in html  # the web version, to read or print now


@needs_weasyprint
def test_benchmark_times_building_the_seed_handout_and_leaves_it_cached(client, home_page):
    from bench.handouts import build_figures

    handout = handout_site(home_page, slug=demo_content.HANDOUT["slug"], exercises=SEED_EXERCISES)
    figures = build_figures(runs=1)
    assert figures["path"] == "/handouts/facet-joint-back-pain/pdf/"
    assert figures["build_median_ms"] > 0 and figures["build_runs"] == 1
    path = local_file(pdf.pdf_name(handout))
    assert figures["pdf_bytes"] == path.stat().st_size
    assert download(client, figures["path"]) == path.read_bytes()


@pytest.fixture
def broker_down(monkeypatch):
    """Points Celery at a port where nothing listens (connections are refused at once), with
    fresh connection pools, and puts everything back afterwards. Celery reads the
    CELERY_BROKER_URL environment variable before its own setting, so both change."""
    saved = (
        celery_app.conf.broker_url,
        celery_app.conf.broker_transport_options,
        celery_app._pool,
        celery_app.amqp._producer_pool,
    )
    dead_broker = "redis://127.0.0.1:1/0"
    monkeypatch.setenv("CELERY_BROKER_URL", dead_broker)
    celery_app.conf.broker_url = dead_broker
    celery_app.conf.broker_transport_options = {}
    celery_app._pool = celery_app.amqp._producer_pool = None
    yield
    (
        celery_app.conf.broker_url,
        celery_app.conf.broker_transport_options,
        celery_app._pool,
        celery_app.amqp._producer_pool,
    ) = saved


@needs_weasyprint
def test_publishing_with_the_broker_down_loses_neither_the_publish_nor_the_pdf(
    client, home_page, broker_down, caplog, django_capture_on_commit_callbacks
):
    with (
        caplog.at_level(logging.WARNING, logger="handouts.signals"),
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        handout = handout_site(home_page, slug="facet-program")
    assert callbacks, "publishing queues the build once the publish commits"
    assert handout.live
    assert f"handout PDF build not queued: page {handout.pk}" in caplog.text
    # The first patient to ask gets it built there and then.
    text = " ".join(page_texts(download(client, "/handouts/facet-program/pdf/")))
    assert "Glute Bridge 1" in text


@pytest.mark.parametrize("script", ["Dockerfile", ".ci/run"])
def test_production_image_and_ci_install_what_weasyprint_needs(script, settings):
    text = (settings.BASE_DIR / script).read_text()
    for package in ["libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz0b", "fontconfig"]:
        assert package in text, (script, package)
    assert "fonts-dejavu-core" in text
