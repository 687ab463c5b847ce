from django.apps import AppConfig


class HoursConfig(AppConfig):
    name = "hours"
    verbose_name = "Opening hours"

    def ready(self):
        from website import page_cache

        from .page_cache import next_change

        page_cache.register_expiry(next_change)
