from django.http import HttpResponseServerError
from django.template import loader

from .models import PracticeSettings


def server_error(request):
    """The 500 page, with the practice's phone number when the database can still give it."""
    try:
        practice = PracticeSettings.for_request(request)
        phone, phone_href = practice.phone, practice.phone_href
    except Exception:  # the error may be the database itself
        phone = phone_href = ""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"phone": phone, "phone_href": phone_href}))


def serve_rendition(request, path):
    """Image renditions only (media/images/); original uploads are never served."""
    from django.conf import settings
    from django.views.static import serve

    return serve(request, path, document_root=settings.MEDIA_ROOT)
