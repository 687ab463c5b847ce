import pytest

from handouts.pdf import weasyprint_missing
from tests.harness.services import unavailable


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Test images, renditions and handout PDFs go to a throwaway folder, not var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def weasyprint():
    """For tests that build PDFs: WeasyPrint needs Pango, HarfBuzz and fontconfig installed
    (apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fontconfig)."""
    missing = weasyprint_missing()
    if missing:
        unavailable(missing)
