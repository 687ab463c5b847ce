"""Security headers that Django does not set on its own, and the language of each request."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.urls import reverse
from django.utils import translation

# Who may frame a page's preview: only the admin, which shows it in the editor's preview panel.
PREVIEW_FRAME_ANCESTORS = {"frame-ancestors": ["'self'"]}


def is_preview(request) -> bool:
    """Wagtail renders a preview by running a dummy request for the page's own address through
    the whole middleware stack (`make_preview_request`), and marks it in the view; by the time
    the response comes back out, the mark is there."""
    return getattr(request, "is_preview", False) is True


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with Wagtail's admin given the looser policy it needs.

    Public pages keep the strict, nonce-based policy from settings.CONTENT_SECURITY_POLICY.
    A preview of a page keeps that policy too (it is the page as patients will get it), except
    that the admin may frame it; a public page is never framed.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if is_preview(request):
            parts.replace = {**(parts.replace or {}), **PREVIEW_FRAME_ANCESTORS}
        elif request.path_info.startswith(reverse("wagtailadmin_home")):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
            parts.update = parts.replace = None
        return parts


class PermissionsPolicyMiddleware:
    """Switches off browser features the site never uses (camera, location, …)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if is_preview(request):
            # Django's X-Frame-Options middleware (further in) said DENY, as for any page.
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        return response


class LanguageFromPathMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, which activates the URL's language (/es/… Spanish, anything
    else English: `prefix_default_language=False` in website/urls.py). Its response step is
    left out: it adds `Vary: Accept-Language` to every English page, which would make a CDN keep
    a copy per browser language of a page that never varies by it. The language is still said,
    in Content-Language."""

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", translation.get_language())
        # The response is rendered: the thread goes back to English, so that what runs next
        # in it outside a request (a signal, a task run in-process) is not in Spanish.
        translation.deactivate()
        return response


class HeadWithoutBodyMiddleware:
    """A HEAD request (uptime monitors send one a minute) gets the GET's headers, its length
    included, and no body. Django leaves dropping the body to the server; gunicorn does, but logs
    a warning for every such response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method != "HEAD":
            return response
        if response.streaming:
            if hasattr(response, "file_to_stream") and response.file_to_stream is not None:
                response.file_to_stream.close()
            response.streaming_content = []
        else:
            if not response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
            length = response["Content-Length"]
            response.content = b""
            response["Content-Length"] = length
        return response
