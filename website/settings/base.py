"""Settings shared by every environment.

Everything that differs between a laptop and production comes from environment variables
(or a `.env` file beside manage.py); `.env.example` documents each one. The defaults are the
embedded ones `make run` needs: SQLite, a file-system Celery broker and a mail folder, all
under var/.
"""

from datetime import timedelta
from pathlib import Path

import environ

from website.client_ip import parse_networks
from website.environment import read_environment_file
from website.log_privacy import logging_config
from website.settings.caches import cache_from_url, rendition_cache
from website.settings.content_security import ADMIN_POLICY, PUBLIC_PAGES_POLICY
from website.settings.storage import media_storages

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
# The entry points have read it already; this covers any other way in (pytest, django-admin).
read_environment_file()


def env_path(name: str, default: Path) -> Path:
    return Path(env(name, default=str(default)))


SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# The public address of the site, used in emails and links that leave the site.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", default="Practice website")

INSTALLED_APPS = [
    # Our apps first, so their templates win over third-party ones of the same name.
    "website",
    "medical_review",
    "physicians",
    "blog",
    "appointments",
    "hours",
    "locations",
    "handouts",
    "conditions",
    "notices",
    "patients",
    "sitesearch",
    "translations",
    "accounts",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail_localize",
    "wagtail_localize.locales",  # wagtail.locales' admin, with translation status
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "csp",
    "django_recaptcha",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",  # the built-in widget templates, for FORM_RENDERER below
]

MIDDLEWARE = [
    # Outermost: whatever answers a HEAD request, the body goes last.
    "website.middleware.HeadWithoutBodyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the request: NUL, odd charsets, oversized public bodies get 400/413.
    "website.request_guard.RequestGuardMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Right after static files: a cached page skips sessions, auth and Wagtail's routing.
    "website.page_cache.PageCacheMiddleware",
    "website.middleware.ContentSecurityPolicyMiddleware",
    "website.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the URL alone (/es/…); unprefixed URLs are English, whatever the
    # browser asks for, so a cached page is the same for everyone.
    "website.middleware.LanguageFromPathMiddleware",
    "website.site_memo.SiteLookupMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it sees the outcome of every sign-in attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "website.urls"
# Form widgets render through TEMPLATES, so our widget templates (the reCAPTCHA token field) live
# in templates/<app>/ like every other template.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database: DATABASE_URL, e.g. postgres://user:password@host:5432/name ----------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the Celery worker writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# --- Cache: CACHE_URL, e.g. redis://127.0.0.1:6379/1 (default: files under var/cache) ------------
CACHES = {"default": cache_from_url(env("CACHE_URL", default=f"file://{VAR_DIR / 'cache'}"))}
CACHES["renditions"] = rendition_cache(CACHES["default"])

# --- Full-page cache for anonymous visitors (website/page_cache.py) ------------------------------
# Every change bumps the content version in the database (website/invalidation.py); each worker
# thread reads it at most this often, so another worker's change shows within this many seconds.
CONTENT_VERSION_RECHECK_SECONDS = 1.0
# How long a page may be kept at most (0 turns the cache off); saves invalidate it at once.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# How long a CDN or proxy may keep a page (short, unless WAGTAILFRONTENDCACHE below purges it).
PAGE_CACHE_CDN_SECONDS = env.int("PAGE_CACHE_CDN_SECONDS", default=60)
PAGE_CACHE_EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/search/", "/healthz", "/media/")
# The CDN or Varnish in front of the site, purged after each change (website/frontend_cache.py,
# Wagtail's frontend cache backends). Any of the three, or several; none: nothing is purged.
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_PURGE_URL", default=""):  # Varnish (deploy/varnish/) or any HTTP PURGE
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
    }
if env("CLOUDFLARE_ZONE_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env("CLOUDFLARE_API_TOKEN", default=""),
    }
if env("CLOUDFRONT_DISTRIBUTION_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID"),
    }
# Our Spanish pages are pages of their own (/es/…), purged as such: no per-language rewriting.
WAGTAILFRONTENDCACHE_LANGUAGES = []
# Site-wide fragments (navigation, footer, banner, clinic JSON-LD) each worker keeps in memory
# (website/site_memo.py); saves invalidate them at once, this caps how long they live (0: off).
SITE_MEMO_SECONDS = env.int("SITE_MEMO_SECONDS", default=300)
# The same fragments shared by every worker through the cache above, so that after a site-wide
# change one worker builds them for all (website/shared_parts.py): the longest one is kept there,
# as a worker's own are, a clock change ending it sooner (0: off; each worker builds its own).
SITE_PARTS_SHARED_SECONDS = env.int("SITE_PARTS_SHARED_SECONDS", default=300)
# A page's own parts (content, SEO tags, JSON-LD) rendered once per content version: how many
# pages' parts a worker keeps, those used last (website/page_fragments.py; 0: off).
PAGE_FRAGMENTS_KEPT = env.int("PAGE_FRAGMENTS_KEPT", default=300)
# The same for search: how many searches' results (words, page, language) a worker keeps, until
# the next change of any kind (website/page_fragments.py, sitesearch/views.py; 0: off).
SEARCH_RESULTS_KEPT = env.int("SEARCH_RESULTS_KEPT", default=300)

# --- Request bodies (website/request_guard.py) ----------------------------------------------------
# Largest body accepted outside the admin: the public forms send a few KB of text and no files.
# Checked before the body is read; staff uploads in the admin keep Django's own limits.
PUBLIC_REQUEST_MAX_BYTES = env.int("PUBLIC_REQUEST_MAX_BYTES", default=64 * 1024)

# --- Staff sign-in: lockout, two factors, idle sessions ------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses sign-in while an account is locked
    "django.contrib.auth.backends.ModelBackend",
]
# Behind our front server: the header it overwrites with the client's address (e.g.
# HTTP_X_FORWARDED_FOR), believed only on connections from TRUSTED_PROXIES (addresses or CIDR
# ranges of our own proxies); anything else gets the connection's own address
# (website/client_ip.py). Production refuses a header with no trusted proxy.
CLIENT_IP_HEADER = env("CLIENT_IP_HEADER", default="")
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
parse_networks(TRUSTED_PROXIES)  # a typo stops the start with a clear message
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "website.client_ip.client_ip"
AXES_SENSITIVE_PARAMETERS = ["username", "password"]
AXES_VERBOSE = False
# Superusers and staff holding any permission at all (add, change, delete, view or a custom one)
# on these models sign in with a second factor, not only those with `view`: Wagtail opens the
# inbox, the detail view and the export to change, delete and view alike.
ADMIN_TWO_FACTOR_REQUIRED = env.bool("ADMIN_TWO_FACTOR_REQUIRED", default=True)
TWO_FACTOR_REQUIRED_MODELS = ["appointments.AppointmentRequest"]
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="Practice website")
# Signed-in staff are signed out after this much inactivity (the session slides with each request).
SESSION_COOKIE_AGE = env.int("STAFF_SESSION_IDLE_MINUTES", default=30) * 60
SESSION_SAVE_EVERY_REQUEST = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English at today's URLs, Spanish under /es/ (website/urls.py). Pages are translated with
# wagtail-localize; what the site itself writes comes from locale/es/LC_MESSAGES/django.po.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# English dates as the site has always written them; other languages keep Django's formats.
FORMAT_MODULE_PATH = ["website.formats"]
# The practice's own time zone: hours, closures and "received at" times are all shown in it.
TIME_ZONE = env("PRACTICE_TIME_ZONE", default="America/Chicago")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env_path("STATIC_ROOT", VAR_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = env_path("MEDIA_ROOT", VAR_DIR / "media")
# Uploads, renditions and handout PDFs: MEDIA_ROOT, or the bucket STORAGE_URL names (storage.py).
STORAGES = {
    **media_storages(env),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
# Media files are served by Django itself unless a front server does it (see README).
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)

# --- Celery: CELERY_BROKER_URL, e.g. redis://127.0.0.1:6379/0 ----------------------------------
# The default is kombu's file-system transport, a broker that needs no server.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="filesystem://localhost/")
BROKER_FOLDER = env_path("CELERY_BROKER_FOLDER", VAR_DIR / "broker")


def broker_transport_options(broker_url: str, folder: Path) -> dict:
    if broker_url.startswith("filesystem://"):
        queue = str(folder / "queue")
        return {"data_folder_in": queue, "data_folder_out": queue, "control_folder": str(folder)}
    # Redis: a task not acknowledged within an hour (its worker died) is delivered again.
    return {"visibility_timeout": 3600}


CELERY_BROKER_TRANSPORT_OPTIONS = broker_transport_options(CELERY_BROKER_URL, BROKER_FOLDER)
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", default="practice")
# A task is acknowledged only once it has finished, so a worker killed mid-task leaves it queued.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
# What a task prints (the development mail backend prints each email) is not a warning.
CELERY_WORKER_REDIRECT_STDOUTS_LEVEL = "INFO"
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# --- Email: EMAIL_URL, e.g. smtp+tls://user:password@smtp.example.com:587 -----------------------
# Without it, emails are printed on the console and kept as .eml files in var/mail/.
EMAIL_URL = env("EMAIL_URL", default="")
if EMAIL_URL:
    EMAIL_CONFIG = env.email_url("EMAIL_URL")
    if EMAIL_CONFIG["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend":
        # Django's, and it tells "the server may have it" from "it did not get it" (website/mail.py)
        EMAIL_CONFIG["EMAIL_BACKEND"] = "website.mail.SMTPBackend"
    globals().update(EMAIL_CONFIG)
else:
    EMAIL_BACKEND = "website.mail.ConsoleAndFolderBackend"
EMAIL_FOLDER = env_path("EMAIL_FOLDER", VAR_DIR / "mail")
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Practice website <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- reCAPTCHA (Google): keys from the environment; none in development -----------------------
RECAPTCHA_PUBLIC_KEY = env("RECAPTCHA_PUBLIC_KEY", default="")
RECAPTCHA_PRIVATE_KEY = env("RECAPTCHA_PRIVATE_KEY", default="")
RECAPTCHA_VERSION = env("RECAPTCHA_VERSION", default="v3")  # "v3" (score) or "v2" (checkbox)
RECAPTCHA_REQUIRED_SCORE = env.float("RECAPTCHA_REQUIRED_SCORE", default=0.5)
# A patient must never wait long on Google: past this, the request is kept and flagged instead.
RECAPTCHA_VERIFY_REQUEST_TIMEOUT = env.int("RECAPTCHA_TIMEOUT_SECONDS", default=3)  # whole seconds

# --- Appointment requests ----------------------------------------------------------------------
# Handled requests (scheduled, declined, spam) are deleted this many days after they arrived.
APPOINTMENT_RETENTION_DAYS = env.int("APPOINTMENT_RETENTION_DAYS", default=90)
# The nightly purge deletes them this many to a transaction, so it never holds the rows' locks
# (which the front desk's saves wait for) for long.
APPOINTMENT_RETENTION_BATCH_SIZE = env.int("APPOINTMENT_RETENTION_BATCH_SIZE", default=500)
# At most this many requests per visitor (IP address) per window; then the form gives the phone.
APPOINTMENT_RATE_LIMIT = env.int("APPOINTMENT_RATE_LIMIT", default=5)
APPOINTMENT_RATE_LIMIT_WINDOW = env.int("APPOINTMENT_RATE_LIMIT_WINDOW_SECONDS", default=3600)
# A form sent back quicker than this after it was shown is from a bot.
APPOINTMENT_MIN_SUBMIT_SECONDS = env.float("APPOINTMENT_MIN_SUBMIT_SECONDS", default=3)
# A form sent back later than this after it was shown comes back as typed, with a fresh token.
APPOINTMENT_FORM_TOKEN_MAX_AGE_SECONDS = env.int(
    "APPOINTMENT_FORM_TOKEN_MAX_AGE_SECONDS", default=24 * 3600
)
# How long one worker may hold a request while emailing it before another may take over.
APPOINTMENT_DELIVERY_LEASE_SECONDS = env.int("APPOINTMENT_DELIVERY_LEASE_SECONDS", default=120)

# --- Wagtail -------------------------------------------------------------------------------------
# Wagtail's database backend; on PostgreSQL each page is stemmed in its own language
# (sitesearch/backend.py). After changing LANGUAGE_CONFIGS, run `manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "sitesearch.backend",
        "SEARCH_CONFIG": "english",
        "LANGUAGE_CONFIGS": {"en": "english", "es": "spanish"},
    }
}
# Documents are streamed by Wagtail's view after its privacy checks (collection restrictions),
# from the disk or the bucket alike; never "redirect" or "direct", which hand out the storage's
# own URL. Wagtail would choose "redirect" by itself for a bucket.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Only formats Wagtail can render: no SVG (it can carry scripts).
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# Documents are PDFs only: no HTML or other files a browser might run.
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PATH = "admin/"
# A finished workflow publishes the page; a physician's sign-off of a clinical page also fills in
# its reviewer and review dates first (medical_review/sign_off.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "medical_review.sign_off.publish_signed_off"

# --- Security headers -----------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)

CONTENT_SECURITY_POLICY = PUBLIC_PAGES_POLICY
ADMIN_CONTENT_SECURITY_POLICY = ADMIN_POLICY

# --- Logging: never request bodies or patient data, only what happened and to which record id ----
LOG_LEVEL = env("LOG_LEVEL", default="INFO")
LOGGING = logging_config(LOG_LEVEL)
