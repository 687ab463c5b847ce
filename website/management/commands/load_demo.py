"""Builds the demo site from data committed in the project. Safe to run again: it changes nothing
that is already there (pages are found by slug, settings are only filled where empty).

Each app may ship a `demo.py` with `load(stdout)`; apps are loaded in INSTALLED_APPS order, so the
home page (website) exists before the apps that hang pages under it.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Load the demo content (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                if find_spec(module_name) is None:
                    continue
                import_module(module_name).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
