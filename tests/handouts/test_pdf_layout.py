"""The demo handout's PDFs as paper: exercises packed without ever splitting one, large print at
18 pt or more for every word (page numbers and the running header too), and tagged (PDF/UA)
with the handout's title and language, for screen readers."""

import re
import subprocess
from io import BytesIO

import pytest
from pypdf import PdfReader

from handouts import pdf
from handouts.models import HandoutPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("weasyprint")]

# The demo handout: 7 exercises, precautions, 2 care cards, 4 sources and the weekly tracker.
# Before packing: 7 pages standard, 11 in large print.
MOST_PAGES = {pdf.STANDARD: 5, pdf.LARGE_PRINT: 8}


@pytest.fixture
def demo_handout(demo):
    return HandoutPage.objects.live().get(slug="facet-joint-back-pain")


def page_texts(content: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(content)).pages]


def text_sizes(content: bytes) -> list[tuple[float, str]]:
    """Every text run with the size it is drawn at, in points (font size times the text and
    graphics matrices' vertical scale)."""
    runs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[2] ** 2 + cm[3] ** 2) ** 0.5
            runs.append((round(size * scale, 1), text.strip()))

    for page in PdfReader(BytesIO(content)).pages:
        page.extract_text(visitor_text=visit)
    return runs


@pytest.mark.parametrize("variant", pdf.VARIANTS)
def test_the_demo_pdf_packs_its_exercises_and_never_splits_one(variant, demo_handout):
    texts = page_texts(pdf.render_pdf(demo_handout, variant))
    assert len(texts) <= MOST_PAGES[variant], f"{variant}: {len(texts)} pages"
    for number, block in enumerate(demo_handout.exercises, start=1):
        name = f"{number}. {block.value['name']}"
        last_step = " ".join(block.value["steps"][-1].split())
        pages = [n for n, text in enumerate(texts) if name in text and last_step in text]
        assert pages, f"{name} is split across pages"
    assert "Weekly tracker" in texts[-1]


def test_large_print_pdf_has_no_text_under_18pt(demo_handout):
    runs = text_sizes(pdf.render_pdf(demo_handout, pdf.LARGE_PRINT))
    small = [(size, text) for size, text in runs if size < 18]
    assert runs and not small, f"{len(small)} runs under 18 pt, e.g. {small[:5]}"
    assert any(re.fullmatch(r"Page \d+ of \d+", text) for _, text in runs)


@pytest.mark.parametrize("variant", pdf.VARIANTS)
def test_the_pdf_is_tagged_with_its_title_and_language(variant, demo_handout, tmp_path):
    path = tmp_path / "handout.pdf"
    path.write_bytes(pdf.render_pdf(demo_handout, variant))
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Tagged"].strip() == "yes"
    assert fields["Title"].strip() == demo_handout.title
    assert PdfReader(path).trailer["/Root"]["/Lang"] == "en"
