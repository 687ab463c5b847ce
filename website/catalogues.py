"""The site's own words in other languages: `locale/<language>/LC_MESSAGES/django.po` compiled to
the `.mo` file Django reads, with polib (a dependency already) instead of GNU gettext's `msgfmt`,
which a fresh machine may not have.

The `.mo` files are build products, never committed: `make setup` (so `make run` and `make
test`), the Docker image and the test suite's start compile whatever is out of date. Plain
Python, no Django: it runs before Django is set up.
"""

import os
import tempfile
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def catalogues(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    return sorted(locale_dir.glob("*/LC_MESSAGES/*.po"))


def compile_catalogue(po_path: Path, mo_path: Path | None = None) -> Path:
    """Writes the .mo beside the .po (or at `mo_path`) in one step: a process reading it at the
    same time sees the old file or the new one, never half of one. Fuzzy entries are left out,
    as msgfmt does."""
    mo_path = mo_path or po_path.with_suffix(".mo")
    catalogue = polib.pofile(str(po_path))
    handle, temporary = tempfile.mkstemp(dir=mo_path.parent, suffix=".mo.tmp")
    os.close(handle)
    try:
        catalogue.save_as_mofile(temporary)
        os.replace(temporary, mo_path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return mo_path


def compile_stale(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Compiles each catalogue whose .mo is missing or older than its .po; returns those."""
    compiled = []
    for po_path in catalogues(locale_dir):
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            compiled.append(compile_catalogue(po_path, mo_path))
    return compiled
