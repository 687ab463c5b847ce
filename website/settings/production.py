"""Production: refuses to start without a secret key and allowed hosts; HTTPS everywhere."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CACHES, CLIENT_IP_HEADER, SECRET_KEY, STORAGES, TRUSTED_PROXIES, env

DEBUG = False

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
if not env("ALLOWED_HOSTS", default=""):
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment for production.")
if CLIENT_IP_HEADER and not TRUSTED_PROXIES:
    # Believed from anyone, the header lets a client dodge rate limits and lockouts, or lock
    # staff out "from" their own address.
    raise ImproperlyConfigured(
        f"CLIENT_IP_HEADER={CLIENT_IP_HEADER} is set but TRUSTED_PROXIES is empty: name the "
        "front server's address (e.g. TRUSTED_PROXIES=127.0.0.1), or unset CLIENT_IP_HEADER "
        "when nothing sits in front of gunicorn."
    )

# A per-process memory cache would give each gunicorn worker its own page cache and rate-limit
# counters: the appointment form's limit multiplied by the workers, every page built by each.
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    raise ImproperlyConfigured(
        "CACHE_URL=locmem:// is for development and tests only: every worker would keep its own "
        "cache. Use redis://… (or file://… on a single machine) in production."
    )

STORAGES = {
    **STORAGES,  # uploads: MEDIA_ROOT or the bucket (website/settings/storage.py)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# Health checks come from inside the compose network over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
