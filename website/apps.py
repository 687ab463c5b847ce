from django.apps import AppConfig

from . import lazy_heif

# Django imports this module first of all the apps' (website is first in INSTALLED_APPS), with
# the settings loaded (Willow reads them when imported) and before wagtail.images imports Willow:
# pillow-heif (about 10 MB a process) then loads only at the first HEIF image.
lazy_heif.install()


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = "Website"

    def ready(self):
        from .invalidation import connect_signals
        from .rest_framework_compat import import_without_psycopg

        connect_signals()
        # Before the first request imports the REST framework (and with it psycopg, on SQLite).
        import_without_psycopg()
