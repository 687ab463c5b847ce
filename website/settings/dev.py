"""Local development: `make run`. Debug on, a throwaway secret key, everything embedded."""

import ipaddress

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import STATIC_ROOT, env


def is_local_host(host: str) -> bool:
    """A name only this machine answers to: loopback addresses, localhost and *.localhost."""
    name = host.strip().lower().rstrip(".")
    if name in {"localhost", "testserver"} or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False


DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-key-not-secret-never-used-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
# Off by default on a laptop so the printed admin login works at once; on everywhere else.
ADMIN_TWO_FACTOR_REQUIRED = env.bool("ADMIN_TWO_FACTOR_REQUIRED", default=False)

# These settings show debug pages (every URL, settings, tracebacks), leave two factors off and
# have a published secret key. A public host name here means a server was started with them by
# mistake (e.g. DJANGO_SETTINGS_MODULE missing from .env): refuse rather than serve the public.
public_hosts = [host for host in ALLOWED_HOSTS if not is_local_host(host)]
if public_hosts:
    raise ImproperlyConfigured(
        f"website.settings.dev is for this machine only, but ALLOWED_HOSTS has "
        f"{', '.join(public_hosts)}. To serve the site to others use the production settings: "
        f"DJANGO_SETTINGS_MODULE=website.settings.production in .env or the environment."
    )

# runserver serves static files from the apps' folders; whitenoise only wants the folder to exist.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# Templates and content change by the minute while developing: no page cache unless asked for.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)

# Same for the site-wide fragments each worker keeps in memory (website/site_memo.py).
SITE_MEMO_SECONDS = env.int("SITE_MEMO_SECONDS", default=0)
# And in the cache every worker shares (website/shared_parts.py): an edited footer template shows.
SITE_PARTS_SHARED_SECONDS = env.int("SITE_PARTS_SHARED_SECONDS", default=0)
