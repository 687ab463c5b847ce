"""The Spanish handout's PDF: its headings, tracker, running header and page numbers in Spanish,
whichever process builds it (the worker runs in English)."""

from io import BytesIO

import pytest
from django.utils import translation
from pypdf import PdfReader

from handouts import pdf
from tests.website.factories import translate

from .factories import handout_site
from .test_pdf import SEED_EXERCISES, page_texts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("weasyprint")]


@pytest.fixture
def spanish_handout(home_page):
    english = handout_site(home_page, slug="facet-program", exercises=SEED_EXERCISES)
    translate(home_page, title="Inicio")
    translate(english.get_parent(), title="Materiales para pacientes")
    return translate(english, title="Programa para el dolor de las articulaciones facetarias")


@pytest.mark.parametrize("variant", [pdf.STANDARD, pdf.LARGE_PRINT])
def test_the_spanish_pdf_writes_its_own_words_in_spanish(spanish_handout, variant):
    with translation.override("en"):  # as the Celery worker runs: English until told otherwise
        content = pdf.render_pdf(spanish_handout, variant)
    texts = page_texts(content)
    whole = " ".join(texts)
    assert PdfReader(BytesIO(content)).trailer["/Root"]["/Lang"] == "es"
    for number, text in enumerate(texts, start=1):
        assert f"Página {number} de {len(texts)}" in text
        assert "Teléfono (312) 555-0100" in text
    for words in (
        "Sus ejercicios",
        "Registro semanal",
        "Marque una casilla",
        "Series",
        "Ejercicio",
    ):
        assert words in whole, words
    for day in ("lun", "mar", "mié", "jue", "vie", "sáb", "dom"):
        assert day in texts[-1], day
    for english in ("Page 1", "Weekly tracker", "Your exercises", "Phone (312)", "Sets"):
        assert english not in whole, english
