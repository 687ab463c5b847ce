from django.core.wsgi import get_wsgi_application

from website.environment import load_environment
from website.request_guard import GuardedWSGIRequest

# gunicorn's entry point: .env first, so its DJANGO_SETTINGS_MODULE chooses the settings.
load_environment()

application = get_wsgi_application()
# Builds each request without failing on a Content-Type charset that names no text encoding.
application.request_class = GuardedWSGIRequest
