"""The deployment's environment file, read before Django chooses its settings.

`DJANGO_SETTINGS_MODULE` in `.env` can only choose the settings if `.env` is read before anything
asks Django for them. So every entry point (manage.py, website/wsgi.py for gunicorn,
website/celery.py for the Celery worker and beat) calls `load_environment()` first. Nothing here
touches Django's settings: this module runs before they exist.
"""

import os
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_SETTINGS_MODULE = "website.settings.dev"


def environment_file() -> Path:
    """`.env` beside manage.py, or the file the ENV_FILE variable names (relative to the cwd)."""
    named = os.environ.get("ENV_FILE")
    return Path(named) if named else BASE_DIR / ".env"


def read_environment_file() -> None:
    """Put the file's variables into os.environ; a variable the real environment already has wins
    (django-environ's read_env uses setdefault), so `DEBUG=true gunicorn …` still overrides."""
    path = environment_file()
    if path.is_file():
        environ.Env.read_env(path)
    elif "ENV_FILE" in os.environ:
        # Someone named a file on purpose: running without it would silently use other settings.
        raise ImproperlyConfigured(f"ENV_FILE names {path}, which is not a file.")


def load_environment() -> None:
    """What every entry point does first: read the file, then fall back to the dev settings."""
    read_environment_file()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS_MODULE)
