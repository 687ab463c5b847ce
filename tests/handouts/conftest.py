import pytest

from handouts.pdf import weasyprint_missing
from tests.harness.services import unavailable


@pytest.fixture(autouse=True)
def _uploads_in_tmp(media_in_tmp):
    """Tests here upload images and build PDFs (tests/conftest.py's media_in_tmp)."""


@pytest.fixture
def weasyprint():
    """For tests that build PDFs: WeasyPrint needs Pango, HarfBuzz and fontconfig installed
    (apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fontconfig)."""
    missing = weasyprint_missing()
    if missing:
        unavailable(missing)
