"""Local development: `make run`. Debug on, a throwaway secret key, everything embedded."""

from .base import *  # noqa: F403
from .base import STATIC_ROOT, env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-key-not-secret-never-used-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
# Off by default on a laptop so the printed admin login works at once; on everywhere else.
ADMIN_TWO_FACTOR_REQUIRED = env.bool("ADMIN_TWO_FACTOR_REQUIRED", default=False)

# runserver serves static files from the apps' folders; whitenoise only wants the folder to exist.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# Templates and content change by the minute while developing: no page cache unless asked for.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)

# Same for the site-wide fragments each worker keeps in memory (website/site_memo.py).
SITE_MEMO_SECONDS = env.int("SITE_MEMO_SECONDS", default=0)
