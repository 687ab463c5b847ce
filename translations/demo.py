"""Spanish versions of the demo pages, made the way staff make them: with wagtail-localize.

Each English segment wagtail-localize extracts from a page (a title, a paragraph, an exercise
step) is looked up in `translations/demo/es.po`, keyed by its English text, and entered as that
segment's translation; the page is then translated and published. A page is translated only when
every one of its segments has a translation and its parent is already in Spanish, so a catalogue
that falls behind the English demo leaves a page in English instead of half-translated (the
tests name what is missing). A page already in Spanish is left as staff may have edited it.
"""

from pathlib import Path

import polib
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

CATALOGUES = Path(__file__).parent / "demo"


def catalogue(language: str) -> dict[str, str]:
    """English text -> its translation, from translations/demo/<language>.po."""
    path = CATALOGUES / f"{language}.po"
    if not path.exists():
        return {}
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}


def untranslated_segments(page, translations: dict[str, str]) -> list[str]:
    """The English texts of `page` that the catalogue has no translation for (read from the page
    as wagtail-localize reads it, without storing anything)."""
    texts = [
        segment.string.data
        for segment in extract_segments(page)
        if isinstance(segment, StringSegmentValue)
    ]
    return [text for text in texts if text not in translations]


def translate_page(page, locale: Locale, translations: dict[str, str]) -> Page:
    source, _ = TranslationSource.update_or_create_from_instance(page)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": translations[segment.string.data]},
        )
    # Published here, not by wagtail-localize (which waits for the transaction to commit, so a
    # page loaded inside load_demo's transaction would be published only after it ends).
    translated, _ = source.create_or_update_translation(locale, publish=False, fallback=False)
    translated.get_latest_revision().publish()
    return translated


def forget_redirects_to(page_ids: list[int]) -> None:
    """wagtail-localize creates a translation under the English slug and then renames it, and
    Wagtail answers the rename with an automatic redirect (/es/handouts/… → /es/folletos/…)
    from an address that was never public. Wagtail makes those redirects once the transaction
    commits, so they are removed by a callback registered after theirs: none of the pages just
    created can have had an address worth redirecting."""

    def forget():
        Redirect.objects.filter(automatically_created=True, redirect_page_id__in=page_ids).delete()

    transaction.on_commit(forget)


def load(stdout) -> None:
    for language, _name in _other_languages():
        translations = catalogue(language)
        locale = Locale.objects.filter(language_code=language).first()
        if not translations or locale is None:
            continue
        english = Locale.get_default()
        created = []
        for page in Page.objects.filter(locale=english, depth__gt=1).live().order_by("path"):
            if page.get_translations().filter(locale=locale).exists():
                continue  # made before, and perhaps edited since
            parent = page.get_parent()
            if parent.depth > 1 and not parent.get_translations().filter(locale=locale).exists():
                continue
            page = page.specific
            if untranslated_segments(page, translations):
                continue
            created.append(translate_page(page, locale, translations).pk)
            stdout.write(f"  {language} translation created: {page.title}")
        forget_redirects_to(created)


def _other_languages():
    from django.conf import settings

    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
