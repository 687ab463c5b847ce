from django.core.wsgi import get_wsgi_application

from website.environment import load_environment

# gunicorn's entry point: .env first, so its DJANGO_SETTINGS_MODULE chooses the settings.
load_environment()

application = get_wsgi_application()
