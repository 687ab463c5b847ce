import pytest

from tests.website.factories import build_site


@pytest.fixture
def home_page(db):
    """A site with a home page and practice details; the root of every page-tree test."""
    return build_site()
