"""Which translated pages are older than the English page they translate.

A translation is made from a snapshot of its English page (wagtail-localize's TranslationSource,
taken when an editor translates or syncs the page). When the English page is published again
after that snapshot, the translation no longer says what the English page says: for a clinical
page that matters (a changed dose, a new warning), so staff are shown it until someone updates
the translation. Pages translated without wagtail-localize are compared by publish dates.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from wagtail.models import Page
from wagtail_localize.models import TranslationSource


@dataclass(frozen=True)
class StaleTranslation:
    page_id: int
    title: str
    language: str
    english_title: str
    english_published: datetime
    translated_from: datetime  # the English version this translation was made from


def stale_translations() -> list[StaleTranslation]:
    """Live translations whose English page was published after they were made, oldest first."""
    default = settings.LANGUAGE_CODE
    english = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(locale__language_code=default)
        .only("title", "translation_key", "last_published_at")
    }
    sources = {
        source.object_id: source.last_updated_at
        for source in TranslationSource.objects.filter(locale__language_code=default).only(
            "object_id", "last_updated_at"
        )
    }
    stale = []
    translated = (
        Page.objects.live()
        .exclude(locale__language_code=default)
        .filter(translation_key__in=english)
        .select_related("locale")
        .only("title", "translation_key", "last_published_at", "locale__language_code")
    )
    for page in translated:
        original = english[page.translation_key]
        made_from = sources.get(page.translation_key, page.last_published_at)
        if original.last_published_at and made_from and original.last_published_at > made_from:
            stale.append(
                StaleTranslation(
                    page.pk, page.title, page.locale.language_code, original.title,
                    original.last_published_at, made_from,
                )
            )  # fmt: skip
    return sorted(stale, key=lambda entry: entry.translated_from)
