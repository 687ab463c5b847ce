import mimetypes
import posixpath
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseRedirect,
    HttpResponseServerError,
)
from django.template import loader
from django.templatetags.static import static
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.static import serve

from .models import PracticeSettings

# Wagtail writes renditions under images/ in their storage; originals and documents live beside
# them (on the disk: MEDIA_ROOT; or in the bucket).
RENDITIONS_FOLDER = "images"


def _phone(request) -> dict:
    """The practice's phone number for an error page, when the database can still give it."""
    try:
        practice = PracticeSettings.for_request(request)
        return {"phone": practice.phone, "phone_href": practice.phone_href}
    except Exception:  # the error may be the database itself, or the request's own Host
        return {"phone": "", "phone_href": ""}


def _language_of(request) -> str:
    """The address's language (/es/…): a refusal may come before the middleware that sets it."""
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def server_error(request):
    """The 500 page, with the practice's phone number when the database can still give it."""
    template = loader.get_template("500.html")
    with translation.override(_language_of(request)):
        return HttpResponseServerError(template.render(_phone(request)))


def refusal(request, status: int = 400) -> HttpResponse:
    """A request the site will not handle (400: malformed, 413: too large). A plain page that
    reads nothing from the request but its host: the request itself is what is wrong."""
    template = loader.get_template(f"{status}.html")
    with translation.override(_language_of(request)):
        return HttpResponse(template.render(_phone(request)), status=status)


def bad_request(request, exception=None):
    """handler400. Django's own is wrapped in the CSRF check, which parses the form body again:
    a body Django refused to parse (a UTF-16 form) then turned the 400 into a 500."""
    return refusal(request, 400)


def serve_rendition(request, path):
    """Image renditions only (media/images/); original uploads and documents are never served,
    however the path is spelled: `..`, `%2e%2e`, `%2f`, backslashes or a link out of the folder
    all get a 404."""
    name = path.removeprefix(f"{RENDITIONS_FOLDER}/")
    if not _plain_relative(name):
        raise Http404("Not a rendition")
    storage = storages["renditions"]
    if not isinstance(storage, FileSystemStorage):
        return _from_bucket(storage, f"{RENDITIONS_FOLDER}/{name}")
    folder = Path(storage.path(RENDITIONS_FOLDER)).resolve()
    target = (folder / name).resolve()
    if not target.is_relative_to(folder) or target == folder:
        raise Http404("Not a rendition")
    return serve(request, target.relative_to(folder).as_posix(), document_root=folder)


def _from_bucket(storage, name: str):
    """A rendition kept in the bucket (website/object_storage.py), streamed to the visitor. Its
    name is fixed by its image and filter, and a changed image gets a new name: browsers and a
    CDN may keep it."""
    try:
        file = storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404("No such rendition") from None
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(file, content_type=content_type)
    patch_cache_control(response, public=True, max_age=86400)
    return response


def _plain_relative(name: str) -> bool:
    """A file name below the folder, written the one plain way: no `.` or `..` segments, no
    empty ones, no leading slash, no backslash or NUL (Windows separators, C string ends)."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return False
    return posixpath.normpath(name) == name and ".." not in name.split("/")


def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page links: send them to the
    icon (its hashed static address changes with each deploy, so the redirect is temporary
    and kept a day)."""
    response = HttpResponseRedirect(static("website/img/favicon.svg"))
    patch_cache_control(response, public=True, max_age=86400)
    return response
