"""Handout PDFs: made on the server with WeasyPrint, kept in the media storage per published
revision (MEDIA_ROOT, or the bucket every node shares: website/settings/storage.py).

A PDF is built by the Celery worker when a handout is published (tasks.py), so patients are
served a file that already exists. On a miss (the worker was down, the practice's phone number
changed) the first request builds it, under a per-handout lock that every web node and worker
sharing the database respects (website/locks.py), so concurrent requests, on one machine or
several, wait for that one build instead of each starting their own.

Files are `handouts/<page id>-<revision id>-<variant>-<fingerprint>.pdf` in the storage (never
under images/, so never served as media). The fingerprint covers what the PDF shows besides the
page itself (practice name and phone, the page's public address, the layout version), so
changing any of them makes a new file instead of serving a stale one.
"""

import hashlib
import logging
import mimetypes
import os
import posixpath
import tempfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage, storages
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.dates import WEEKDAYS_ABBR

from website.locks import LockTimeout, exclusive
from website.models import PracticeSettings

from .qr import qr_svg_data_uri

logger = logging.getLogger(__name__)

# Bump when the PDF's template or styles change, so deployed caches are rebuilt.
PDF_LAYOUT_VERSION = 4
# In cascade order: the tokens, the site's components (what only screens use is under @media
# screen, which WeasyPrint skips), paper, then the PDF's own page layout.
PDF_STYLESHEETS = ["tokens.css", "site.css", "print.css", "handout-pdf.css"]
# Tagged and accessible (PDF/UA-1): headings, lists, tables and pictures' alt text reach screen
# readers; the title shown is the document's (the handout's), its language that of <html lang>.
PDF_VARIANT = "pdf/ua-1"
# How long a request waits for another process building the same handout's PDF.
LOCK_WAIT_SECONDS = 30
PDF_FOLDER = "handouts"
STANDARD, LARGE_PRINT = "standard", "large-print"
VARIANTS = (STANDARD, LARGE_PRINT)


class PdfUnavailable(Exception):
    """The PDF cannot be made now: another build holds the lock too long, or WeasyPrint's
    system libraries (Pango, HarfBuzz, fontconfig) are missing on this machine."""


def weasyprint_missing() -> str:
    """Why WeasyPrint cannot run here, or '' when it can."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as error:
        return f"WeasyPrint cannot load its system libraries (Pango, HarfBuzz): {error}"
    return ""


def practice_for(page) -> PracticeSettings:
    site = page.get_site()
    return PracticeSettings.for_site(site) if site else PracticeSettings.for_default_site()


def web_path(page, variant: str = STANDARD) -> str:
    parts = page.get_url_parts()
    return variant_path(parts[2] if parts else "/", variant)


def variant_path(standard_path: str, variant: str) -> str:
    """A variant's path from the standard one's (each of them costs Wagtail a cache read)."""
    return f"{standard_path}large-print/" if variant == LARGE_PRINT else standard_path


def web_url(page, variant: str = STANDARD) -> str:
    """The address printed on paper and in the QR code: always the public one (SITE_URL)."""
    return public_url(web_path(page, variant))


def public_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def pdf_name(page, variant: str = STANDARD) -> str:
    """The PDF's name in the media storage."""
    practice = practice_for(page)
    shown = [str(PDF_LAYOUT_VERSION), practice.name, practice.phone, web_url(page, variant)]
    fingerprint = hashlib.sha256("\n".join(shown).encode()).hexdigest()[:12]
    revision = page.live_revision_id or 0
    return f"{PDF_FOLDER}/{page.pk}-{revision}-{variant}-{fingerprint}.pdf"


def download_name(page, variant: str = STANDARD) -> str:
    suffix = "-large-print" if variant == LARGE_PRINT else ""
    return f"{page.slug}{suffix}.pdf"


def cached_pdf(page, variant: str = STANDARD) -> str:
    """The name of the PDF for the page's live revision, built now if it is not stored yet."""
    name = pdf_name(page, variant)
    if default_storage.exists(name):
        return name
    with generation_lock(page.pk):
        if not default_storage.exists(name):  # another process built it while we waited
            store(name, render_pdf(page, variant))
            logger.info("handout PDF built: page %s, %s", page.pk, name)
    return name


def open_pdf(name: str):
    return default_storage.open(name, "rb")


def build_all(page) -> list[str]:
    """Both variants of a just-published handout; earlier revisions' files are removed."""
    names = [cached_pdf(page, variant) for variant in VARIANTS]
    remove_pdfs(page.pk, keep=names)
    return names


def stored_pdfs(page_id: int) -> list[str]:
    """The names of the handout's files in the storage, whatever their revision."""
    try:
        _, files = default_storage.listdir(PDF_FOLDER)
    except FileNotFoundError:  # nothing built yet on this disk
        return []
    return [f"{PDF_FOLDER}/{file}" for file in files if file.startswith(f"{page_id}-")]


def remove_pdfs(page_id: int, keep: list[str] = ()) -> None:
    """Removes the handout's files except `keep`."""
    for name in stored_pdfs(page_id):
        if name not in keep and name.endswith(".pdf"):
            default_storage.delete(name)


@contextmanager
def generation_lock(page_id: int, wait: float | None = None):
    """An exclusive lock per handout, across processes and machines (website/locks.py); raises
    PdfUnavailable after `wait` seconds (LOCK_WAIT_SECONDS by default)."""
    wait = LOCK_WAIT_SECONDS if wait is None else wait
    try:
        with exclusive("handout-pdf", page_id, wait):
            yield
    except LockTimeout:
        raise PdfUnavailable("another process is still building this PDF") from None


def store(name: str, content: bytes) -> None:
    """Readers see the whole old file or the whole new one, never half a PDF: on the disk a
    temporary file renamed into place; in a bucket, one PUT (an object appears whole)."""
    if isinstance(default_storage, FileSystemStorage):
        write_atomically(Path(default_storage.path(name)), content)
        return
    saved = default_storage.save(name, ContentFile(content))
    if saved != name:  # written meanwhile by something that took no lock: keep that one
        default_storage.delete(saved)


def write_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".building-", suffix=".pdf")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; web and worker both read it
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def pdf_context(page, variant: str = STANDARD) -> dict:
    url = web_url(page, variant)
    exercises = [block.value["name"] for block in page.exercises]
    return {
        "page": page,
        "practice": practice_for(page),
        "large_print": variant == LARGE_PRINT,
        "web_url": url,
        "qr_code": qr_svg_data_uri(url),
        "tracking_rows": exercises,
        "weekdays": [WEEKDAYS_ABBR[day] for day in range(7)],
    }


def render_pdf(page, variant: str = STANDARD) -> bytes:
    missing = weasyprint_missing()
    if missing:
        raise PdfUnavailable(missing)
    from weasyprint import CSS, HTML

    # In the page's language, whichever process builds it (the worker runs in English).
    with translation.override(page.locale.language_code):
        html = render_to_string("handouts/handout_pdf.html", pdf_context(page, variant))
    stylesheets = [CSS(filename=finders.find(f"website/css/{name}")) for name in PDF_STYLESHEETS]
    document = HTML(string=html, base_url=f"{settings.SITE_URL}/", url_fetcher=media_fetcher())
    return document.write_pdf(stylesheets=stylesheets, pdf_variant=PDF_VARIANT, pdf_tags=True)


def media_fetcher():
    """Pictures (image renditions, from their storage) and data: URIs (the QR code); nothing
    else is fetched, so no address an editor types can make the server call out to the
    network."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class MediaOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            prefix = f"{settings.SITE_URL}{settings.MEDIA_URL}"
            name = unquote(url.removeprefix(prefix).split("?")[0])
            if url.startswith(prefix) and _a_rendition(name):
                try:
                    with storages["renditions"].open(name, "rb") as file:
                        body = file.read()
                except FileNotFoundError:
                    pass
                else:
                    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
                    return URLFetcherResponse(url, body=body, headers={"Content-Type": kind})
            raise ValueError(f"not fetched for a handout PDF: {url}")

    return MediaOnlyFetcher()


def _a_rendition(name: str) -> bool:
    """images/<file>, written the one plain way (no `..`, no backslash, no NUL)."""
    return (
        name.startswith("images/")
        and "\\" not in name
        and "\x00" not in name
        and posixpath.normpath(name) == name
        and ".." not in name.split("/")
    )
