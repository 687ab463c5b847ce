import os

from django.core.wsgi import get_wsgi_application

from website.request_guard import GuardedWSGIRequest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")

application = get_wsgi_application()
# Builds each request without failing on a Content-Type charset that names no text encoding.
application.request_class = GuardedWSGIRequest
