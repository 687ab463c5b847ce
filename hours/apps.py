from django.apps import AppConfig


class HoursConfig(AppConfig):
    name = "hours"
    verbose_name = "Opening hours"

    def ready(self):
        from website import site_notices
        from website.structured_data import register_clinic_extension

        from .notices import holiday_banner
        from .structured_data import add_opening_hours

        site_notices.register(holiday_banner)
        register_clinic_extension(add_opening_hours)
