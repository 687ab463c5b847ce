import pytest

from .factories import LocationIndexPageFactory


@pytest.fixture
def locations_page(home_page):
    return LocationIndexPageFactory(parent=home_page)
