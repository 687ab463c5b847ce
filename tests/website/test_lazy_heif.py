"""HEIF images still open, save and make renditions now that pillow-heif loads only when one is
used (website/lazy_heif.py); and the library internals that relies on, pinned so an upgrade that
changes them fails here rather than in production."""

import inspect
import io
import subprocess
import sys
import textwrap

import pytest
from django.core.files.base import ContentFile
from PIL import Image as PILImage

from website import lazy_heif
from website.settings.base import BASE_DIR


def heic_bytes(size=(40, 30), colour="teal") -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "HEIF")
    return buffer.getvalue()


def test_a_fresh_process_loads_pillow_heif_only_at_the_first_heif_image():
    """What a gunicorn worker does: Django set up, Willow imported without pillow-heif; then a
    HEIC saved through Pillow and opened through Willow loads it."""
    script = textwrap.dedent("""
        import io, sys
        import django
        django.setup()
        assert "willow" in sys.modules and "pillow_heif" not in sys.modules, "loaded at startup"
        from PIL import Image
        from willow.image import Image as WillowImage
        buffer = io.BytesIO()
        Image.new("RGB", (40, 30), "red").save(buffer, "HEIF")
        assert "pillow_heif" in sys.modules
        buffer.seek(0)
        image = WillowImage.open(buffer)
        print(type(image).__name__, image.get_size())
    """)
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=BASE_DIR, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == "HeicImageFile (40, 30)"


def test_opening_a_heic_file_with_pillow_hands_over_to_pillow_heif():
    with PILImage.open(io.BytesIO(heic_bytes(size=(12, 8)))) as image:
        assert (image.format, image.size) == ("HEIF", (12, 8))
        assert image.convert("RGB").getpixel((6, 4))[1] > 100  # teal: green is high


@pytest.mark.django_db
def test_a_heic_upload_makes_a_jpeg_rendition(media_in_tmp):
    import wagtail_factories

    image = wagtail_factories.ImageFactory(file=ContentFile(heic_bytes(), name="photo.heic"))
    rendition = image.get_rendition("width-20")
    assert (rendition.width, rendition.height) == (20, 15)
    with rendition.file.open("rb") as file, PILImage.open(file) as made:
        assert made.format == "JPEG"  # Wagtail's default output for HEIC


# The internals website/lazy_heif.py relies on.


def test_willow_imports_the_plugin_in_a_try_that_tolerates_its_absence():
    import willow.plugins.pillow

    source = inspect.getsource(willow.plugins.pillow)
    assert "try:\n    from pillow_heif import HeifImagePlugin" in source
    assert "except ImportError:\n    pass" in source


def test_the_stand_ins_accept_exactly_the_brands_pillow_heif_opens():
    from pillow_heif.as_plugin import _is_supported_heif

    brands = [*lazy_heif.BRANDS, b"avif", b"avis", b"isom", b"mp41", b"jpeg", b"crx "]
    for brand in brands:
        header = b"\x00\x00\x00\x18ftyp" + brand + b"\x00\x00\x00\x00"
        assert lazy_heif.accept(header) == _is_supported_heif(io.BytesIO(header)), brand
    assert not lazy_heif.accept(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR")


def test_the_plugin_registers_under_the_stand_ins_name_extensions_and_mime():
    lazy_heif.load()
    from pillow_heif.as_plugin import HeifImageFile

    assert HeifImageFile.format == lazy_heif.FORMAT
    assert PILImage.OPEN[lazy_heif.FORMAT][0] is HeifImageFile
    assert PILImage.SAVE[lazy_heif.FORMAT] is not lazy_heif._save
    assert PILImage.SAVE_ALL[lazy_heif.FORMAT] is not lazy_heif._save_all
    assert PILImage.MIME[lazy_heif.FORMAT] == lazy_heif.MIME
    registered = {ext for ext, name in PILImage.EXTENSION.items() if name == lazy_heif.FORMAT}
    assert registered == set(lazy_heif.EXTENSIONS)
