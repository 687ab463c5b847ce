from django.core.management.base import BaseCommand

from website.tasks import send_test_email


class Command(BaseCommand):
    help = "Queue a test email through the Celery worker, to check the worker and mail server."

    def add_arguments(self, parser):
        parser.add_argument("recipient")

    def handle(self, *args, recipient, **options):
        send_test_email.delay(recipient)
        self.stdout.write("Queued. The worker sends it; check the recipient's inbox or var/mail/.")
