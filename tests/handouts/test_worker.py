"""Publishing a handout queues its PDFs for the real Celery worker; publishing an edit rebuilds
them, removes the old revision's files, and the site then serves the worker's file."""

from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from pypdf import PdfReader

from handouts import pdf
from tests.harness.worker import wait_until
from tests.website.factories import build_site

from .factories import exercise, handout_site, publish

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("weasyprint")]


def stored(page, variant) -> Path:
    return Path(default_storage.path(pdf.pdf_name(page, variant)))


def text_of(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_pdf_is_rebuilt_after_an_edit_is_published(start_worker, media_in_tmp, client):
    worker = start_worker(MEDIA_ROOT=str(media_in_tmp))
    handout = handout_site(build_site(), slug="facet-program")
    first = [stored(handout, variant) for variant in pdf.VARIANTS]
    wait_until(lambda: all(path.exists() for path in first), "first PDFs built", 90, worker)
    assert "Glute Bridge 2" in text_of(first[0])

    handout.exercises = [("exercise", exercise(1, name="Bird Dog"))]
    handout = publish(handout)
    second = [stored(handout, variant) for variant in pdf.VARIANTS]
    assert not set(first) & set(second), "a new revision gets new files"
    wait_until(lambda: all(path.exists() for path in second), "edited PDFs built", 90, worker)
    text = text_of(second[0])
    assert "Bird Dog" in text and "Glute Bridge 2" not in text
    assert "Bird Dog" in text_of(second[1])
    wait_until(lambda: not any(path.exists() for path in first), "old PDFs removed", 90, worker)
    assert worker.log().count("handouts.tasks.build_handout_pdfs") >= 2

    # The site serves what the worker built, without building it again.
    built_at = second[0].stat().st_mtime_ns
    response = client.get("/handouts/facet-program/pdf/")
    assert b"".join(response.streaming_content) == second[0].read_bytes()
    assert second[0].stat().st_mtime_ns == built_at
