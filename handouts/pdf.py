"""Handout PDFs: made on the server with WeasyPrint, kept on disk per published revision.

A PDF is built by the Celery worker when a handout is published (tasks.py), so patients are
served a file that already exists. On a miss (the worker was down, the practice's phone number
changed) the first request builds it, under a per-handout lock, so concurrent requests wait for
that one build instead of each starting their own.

Files live in MEDIA_ROOT/handouts/ (not under MEDIA_ROOT/images/, so never served directly):
`<page id>-<revision id>-<variant>-<fingerprint>.pdf`. The fingerprint covers what the PDF
shows besides the page itself (practice name and phone, the page's public address, the layout
version), so changing any of them makes a new file instead of serving a stale one.
"""

import fcntl
import hashlib
import logging
import mimetypes
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.dates import WEEKDAYS_ABBR

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


def pdf_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / "handouts"


def practice_for(page) -> PracticeSettings:
    site = page.get_site()
    return PracticeSettings.for_site(site) if site else PracticeSettings.for_default_site()


def web_path(page, variant: str = STANDARD) -> str:
    parts = page.get_url_parts()
    path = parts[2] if parts else "/"
    return f"{path}large-print/" if variant == LARGE_PRINT else path


def web_url(page, variant: str = STANDARD) -> str:
    """The address printed on paper and in the QR code: always the public one (SITE_URL)."""
    return f"{settings.SITE_URL}{web_path(page, variant)}"


def pdf_path(page, variant: str = STANDARD) -> Path:
    practice = practice_for(page)
    shown = [str(PDF_LAYOUT_VERSION), practice.name, practice.phone, web_url(page, variant)]
    fingerprint = hashlib.sha256("\n".join(shown).encode()).hexdigest()[:12]
    revision = page.live_revision_id or 0
    return pdf_dir() / f"{page.pk}-{revision}-{variant}-{fingerprint}.pdf"


def download_name(page, variant: str = STANDARD) -> str:
    suffix = "-large-print" if variant == LARGE_PRINT else ""
    return f"{page.slug}{suffix}.pdf"


def cached_pdf(page, variant: str = STANDARD) -> Path:
    """The PDF for the page's live revision, built now if it is not on disk yet."""
    path = pdf_path(page, variant)
    if path.exists():
        return path
    with generation_lock(page.pk):
        if not path.exists():  # another process may have built it while we waited
            write_atomically(path, render_pdf(page, variant))
            logger.info("handout PDF built: page %s, %s", page.pk, path.name)
    return path


def build_all(page) -> list[Path]:
    """Both variants of a just-published handout; earlier revisions' files are removed."""
    paths = [cached_pdf(page, variant) for variant in VARIANTS]
    remove_pdfs(page.pk, keep=paths)
    return paths


def remove_pdfs(page_id: int, keep: list[Path] = ()) -> None:
    """Removes the handout's files except `keep`; with nothing to keep (the handout was
    unpublished or deleted), its lock file too."""
    for path in pdf_dir().glob(f"{page_id}-*.pdf"):
        if path not in keep:
            path.unlink(missing_ok=True)
    if not keep:
        (pdf_dir() / f".{page_id}.lock").unlink(missing_ok=True)


@contextmanager
def generation_lock(page_id: int, wait: float | None = None):
    """An exclusive lock per handout, across processes (web workers and Celery) sharing this
    disk; raises PdfUnavailable after `wait` seconds (LOCK_WAIT_SECONDS by default)."""
    wait = LOCK_WAIT_SECONDS if wait is None else wait
    folder = pdf_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f".{page_id}.lock").open("a") as lock_file:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise PdfUnavailable("another process is still building this PDF") from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def write_atomically(path: Path, content: bytes) -> None:
    """Readers see the whole old file or the whole new one, never half a PDF."""
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
    """Pictures come from MEDIA_ROOT on disk and data: URIs (the QR code); nothing else is
    fetched, so no address an editor types can make the server call out to the network."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class MediaOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            prefix = f"{settings.SITE_URL}{settings.MEDIA_URL}"
            if url.startswith(prefix):
                root = Path(settings.MEDIA_ROOT).resolve()
                path = (root / unquote(url.removeprefix(prefix).split("?")[0])).resolve()
                if path.is_relative_to(root) and path.is_file():
                    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    return URLFetcherResponse(
                        url, body=path.read_bytes(), headers={"Content-Type": kind}
                    )
            raise ValueError(f"not fetched for a handout PDF: {url}")

    return MediaOnlyFetcher()
