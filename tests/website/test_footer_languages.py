"""The footer is the same on every page of a language, and in that language: on a Spanish page its
office, notices and privacy link lead to the Spanish pages (staff choose them in English)."""

import re

import pytest

pytestmark = pytest.mark.django_db


def footer_links(client, url: str) -> list[str]:
    html = client.get(url).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    return re.findall(r'<a href="(/[^"]*)"', footer)


def test_each_languages_footer_leads_to_pages_in_that_language(client, demo):
    spanish = footer_links(client, "/es/")
    english = footer_links(client, "/")
    assert len(spanish) == len(english) >= 6  # main office, all offices, 4 notices, privacy
    assert all(url.startswith("/es/") for url in spanish), spanish
    assert not any(url.startswith("/es/") for url in english), english
    assert "/es/aviso-de-practicas-de-privacidad/" in spanish
    assert 'aria-label="Avisos"' in client.get("/es/").content.decode()
