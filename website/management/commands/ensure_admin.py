"""Creates a first superuser if there is none and prints its login, once.

The password is random and shown only at creation; afterwards `manage.py changepassword admin`
sets a new one.
"""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create an admin user if there is none, and print its login once."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "Admin login: an admin user already exists "
                f"(forgot the password? .venv/bin/python manage.py changepassword {username})"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(f"Admin login created: username {username}  password {password}")
        )
        self.stdout.write("  (shown only this once: note it down)")
