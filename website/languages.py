"""The page in each of the site's languages: the language switcher and hreflang links.

English lives at today's URLs and Spanish under /es/ (website/urls.py). A page's counterpart is
its live translation (wagtail-localize keeps them under one translation key); where there is
none yet, the switcher leads to that language's home page and says so, and no hreflang link is
given for it (a search engine must not pair a page with a home page).
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from .page_serving import live_translation


@dataclass(frozen=True)
class LanguageVersion:
    code: str  # "es"
    name: str  # "Español", in its own language
    url: str
    current: bool  # the page being read is in this language
    translated: bool  # False: `url` is that language's home page, not this page


def language_versions(request, page) -> list[LanguageVersion]:
    """One entry per language of the site, the current one included."""
    current = translation.get_language()
    versions = []
    for code, name in settings.LANGUAGES:
        if code == current:
            versions.append(LanguageVersion(code, name, request.get_full_path(), True, True))
            continue
        if page is None:  # a view of our own (search): the same address in that language
            url = translate_url(request.get_full_path(), code)
            versions.append(LanguageVersion(code, name, url, False, True))
            continue
        counterpart = live_translation(page, code)
        translated = counterpart is not None
        if counterpart is None:
            counterpart = _home_in(request, code)
        url = counterpart.get_url(request) if counterpart is not None else None
        if url:
            versions.append(LanguageVersion(code, name, url, False, translated))
    return versions


def _home_in(request, code: str):
    from wagtail.models import Site

    site = Site.find_for_request(request)
    return live_translation(site.root_page, code) if site is not None else None
