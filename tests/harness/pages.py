import pytest

from tests.website.factories import build_site


@pytest.fixture
def home_page(db):
    """A site with a home page and practice details; the root of every page-tree test."""
    return build_site()


LANGUAGES = ["en", "es"]


def in_language(path: str, language: str) -> str:
    """The address of the demo page at the English `path` in `language`: its translation's URL,
    with what follows the page (large-print/, thank-you/, ?area=…) kept. An address that is no
    page (search, a 404) is the same address under the language's prefix. So a browser test
    written with English addresses runs as is in every language."""
    from urllib.parse import urlsplit

    from django.conf import settings
    from wagtail.models import Page, Site

    if language == settings.LANGUAGE_CODE:
        return path
    parts = urlsplit(path)
    root = Site.objects.get(is_default_site=True).root_page
    segments = [s for s in parts.path.split("/") if s]
    page, rest = root, segments
    for n in range(len(segments), -1, -1):
        url_path = root.url_path + "".join(f"{s}/" for s in segments[:n])
        found = Page.objects.filter(url_path=url_path, locale_id=root.locale_id).first()
        if found is not None:
            page, rest = found, segments[n:]
            break
    translation = page.get_translations().filter(locale__language_code=language).live().first()
    if translation is None or (page.pk == root.pk and rest):
        prefix = f"/{language}"  # not a page of the tree (search, a 404): the same address
        address = prefix + parts.path
    else:
        address = translation.url + "".join(f"{s}/" for s in rest)
    return address + (f"?{parts.query}" if parts.query else "")
