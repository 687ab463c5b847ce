"""The demo handout's pictures: a line drawing per exercise, drawn by the project's own code at
demo-load time, each with alt text, on the page, on paper and in the PDF."""

from io import BytesIO

import pytest
from PIL import Image
from pypdf import PdfReader

from handouts import pdf
from handouts.illustrations import ILLUSTRATIONS, draw
from handouts.models import HandoutPage


def test_every_demo_exercise_has_a_drawing_of_its_own():
    from handouts import demo_content

    names = [row[0] for row in demo_content.EXERCISES]
    assert set(names) <= set(ILLUSTRATIONS)
    drawings = [draw(name) for name in names]
    for name, drawing in zip(names, drawings, strict=True):
        inked = drawing.convert("L").point(lambda value: 255 if value < 128 else 0).histogram()[255]
        assert inked > 0.01 * drawing.width * drawing.height, f"{name} is nearly blank"
    assert len({drawing.tobytes() for drawing in drawings}) == len(names)  # no two alike


def test_the_demo_handout_shows_each_picture_with_alt_text(client, demo):
    handout = HandoutPage.objects.live().get(locale__language_code="en")
    pictures = [block.value["images"] for block in handout.exercises]
    assert all(len(images) == 1 for images in pictures)
    for images in pictures:
        picture = images[0]
        assert len(picture["alt_text"]) > 20
        with picture["image"].get_rendition("original").file.open() as file:
            assert Image.open(file).format == "PNG"
    html = client.get(handout.url).content.decode()
    large = client.get(handout.url + "large-print/").content.decode()
    for images in pictures:
        assert f'alt="{images[0]["alt_text"]}"' in html
        assert f'alt="{images[0]["alt_text"]}"' in large


@pytest.mark.usefixtures("weasyprint")
def test_the_demo_pdf_carries_the_pictures(demo):
    handout = HandoutPage.objects.live().get(locale__language_code="en")
    reader = PdfReader(BytesIO(pdf.render_pdf(handout)))
    assert sum(len(page.images) for page in reader.pages) >= 7
