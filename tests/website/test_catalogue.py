"""The site's own words in Spanish (locale/es/LC_MESSAGES/django.po): complete, compiled, and in
step with what the templates and the code mark for translation."""

import ast
import gettext
import re
from pathlib import Path

import polib
from django.conf import settings
from django.utils import translation

from website.catalogues import LOCALE_DIR, compile_catalogue

CATALOGUE = LOCALE_DIR / "es" / "LC_MESSAGES" / "django.po"
ROOT = Path(settings.BASE_DIR)
# What makemessages reads: the apps' Python and the templates (not the tests, bench, .venv).
SKIPPED = {".venv", "tests", "bench", "var", "node_modules", ".git", "locale"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


def entries() -> list[polib.POEntry]:
    return [entry for entry in polib.pofile(str(CATALOGUE)) if not entry.obsolete]


def test_every_entry_has_a_spanish_translation_and_none_is_fuzzy():
    catalogue = polib.pofile(str(CATALOGUE))
    assert catalogue.metadata["Language"] == "es"
    assert not catalogue.metadata_is_fuzzy
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    empty = [
        entry.msgid
        for entry in entries()
        if not (entry.msgstr or all(entry.msgstr_plural.get(i) for i in (0, 1)))
    ]
    assert empty == []
    assert len(entries()) > 300  # the whole site's words, not a sample


def test_a_translation_keeps_every_placeholder_of_its_english():
    """A lost %(phone)s or {time} would drop the phone number or the time from the page."""
    wrong = []
    for entry in entries():
        english = sorted(PLACEHOLDER.findall(entry.msgid))
        spanish = [entry.msgstr] if not entry.msgid_plural else entry.msgstr_plural.values()
        wrong += [
            (entry.msgid, text) for text in spanish if sorted(PLACEHOLDER.findall(text)) != english
        ]
    assert wrong == []


def test_the_catalogue_compiles_with_polib_and_reads_back(tmp_path):
    mo = compile_catalogue(CATALOGUE, tmp_path / "django.mo")
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    assert compiled.gettext("Request an appointment") == "Solicitar una cita"
    assert compiled.ngettext("%(counter)s exercise", "%(counter)s exercises", 7) == (
        "%(counter)s ejercicios"
    )
    assert compiled.pgettext("time of day", "PM") == "p. m."


def test_django_reads_the_compiled_catalogue():
    """The .mo the suite compiled at its start (as `make setup` does) is the one Django uses."""
    assert CATALOGUE.with_suffix(".mo").exists()
    with translation.override("es"):
        assert translation.gettext("Skip to main content") == "Saltar al contenido principal"
    with translation.override("en"):
        assert translation.gettext("Skip to main content") == "Skip to main content"


# --- What is marked for translation is in the catalogue ---------------------------------------
TEMPLATE_STRING = re.compile(
    r"""\{%\s*translate\s+"((?:[^"\\]|\\.)*)"(?:\s+context\s+"([^"]*)")?"""
    r"""|\b_\("((?:[^"\\]|\\.)*)"\)"""
)
BLOCK = re.compile(r"\{%\s*blocktranslate\b([^%]*)%\}(.*?)\{%\s*endblocktranslate\s*%\}", re.S)
GETTEXT_CALLS = {"_", "gettext", "gettext_lazy", "gettext_noop", "pgettext", "pgettext_lazy"}


def source_files(suffixes: tuple[str, ...]) -> list[Path]:
    return [
        path
        for path in ROOT.rglob("*")
        if path.suffix in suffixes and not SKIPPED & set(path.relative_to(ROOT).parts)
    ]


def marked_in_templates() -> set[tuple[str | None, str]]:
    marked = set()
    for path in source_files((".html", ".txt")):
        text = path.read_text()
        for simple, context, underscore in TEMPLATE_STRING.findall(text):
            marked.add((context or None, simple or underscore))
        for _options, body in BLOCK.findall(text):
            singular = body.split("{% plural %}")[0]
            # {{ name }} is written %(name)s in the catalogue.
            marked.add((None, re.sub(r"\{\{\s*(\w+)\s*\}\}", r"%(\1)s", singular)))
    return marked


def marked_in_python() -> set[tuple[str | None, str]]:
    marked = set()
    for path in source_files((".py",)):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in GETTEXT_CALLS and node.func.id not in {"ngettext"}:
                continue
            strings = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if node.func.id.startswith("pgettext") and len(strings) >= 2:
                marked.add((strings[0], strings[1]))
            elif strings and isinstance(strings[0], str):
                marked.add((None, strings[0]))
    return marked


def test_every_string_marked_for_translation_is_in_the_catalogue():
    """A string marked but never extracted (`manage.py makemessages -l es`, README) shows in
    English on a Spanish page: this names it."""
    catalogue = {(entry.msgctxt, entry.msgid) for entry in entries()}
    marked = marked_in_templates() | marked_in_python()
    assert len(marked) > 300
    assert sorted(marked - catalogue, key=str) == []
