import pytest


@pytest.fixture(autouse=True)
def _uploads_in_tmp(media_in_tmp):
    """Tests here upload images (tests/conftest.py's media_in_tmp)."""
