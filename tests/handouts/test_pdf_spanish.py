"""The Spanish handout's PDFs (standard and large print), read back: the seven exercises under
their Spanish names, and the document tagged as Spanish for screen readers."""

from io import BytesIO

import pytest
from pypdf import PdfReader
from wagtail.models import Locale

from handouts.models import HandoutPage

from .test_pdf import download, page_texts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("weasyprint")]


@pytest.mark.parametrize("variant", ["pdf/", "large-print/pdf/"])
def test_the_spanish_pdf_holds_the_seven_exercises_spanish_names(client, demo, variant):
    english = HandoutPage.objects.get(locale=Locale.get_default())
    spanish = english.get_translation(Locale.objects.get(language_code="es")).specific
    names = [block.value["name"] for block in spanish.exercises]
    english_names = [block.value["name"] for block in english.exercises]
    assert len(names) == 7 and not set(names) & set(english_names)
    content = download(client, spanish.url + variant)
    whole = " ".join(page_texts(content))
    for name in names:
        assert " ".join(name.split()) in whole, name
    assert spanish.title.split(" — ")[0] in whole
    assert PdfReader(BytesIO(content)).trailer["/Root"]["/Lang"] == "es"
