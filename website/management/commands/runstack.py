"""`make run`'s server: the web server, a Celery worker and Celery beat, stopped by one Ctrl-C.

Ctrl-C reaches every process in the terminal's process group; this command then waits for all
three to finish. If one of them exits on its own, the others are stopped too.
"""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the site with a Celery worker and beat (development)."

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000")

    def handle(self, *args, addr, **options):
        python = sys.executable
        var = settings.VAR_DIR
        var.mkdir(exist_ok=True)
        commands = {
            "web": [python, "manage.py", "runserver", addr],
            "worker": [
                python,
                "-m",
                "celery",
                "-A",
                "website",
                "worker",
                "-l",
                "INFO",
                "--concurrency",
                "2",
                "-n",
                "worker@%h",
            ],
            "beat": [
                python,
                "-m",
                "celery",
                "-A",
                "website",
                "beat",
                "-l",
                "INFO",
                "-s",
                settings.CELERY_BEAT_SCHEDULE_FILENAME,
            ],
        }
        url = f"http://{addr}/"
        self.stdout.write(self.style.SUCCESS(f"\n  Site:        {url}"))
        self.stdout.write(self.style.SUCCESS(f"  Admin:       {url}{settings.WAGTAILADMIN_PATH}"))
        if settings.EMAIL_BACKEND == "website.mail.ConsoleAndFolderBackend":
            where = f"{settings.EMAIL_FOLDER}/ (and printed below)"
        else:
            where = f"{settings.EMAIL_BACKEND}"
        self.stdout.write(self.style.SUCCESS(f"  Mail:        {where}"))
        if not settings.ADMIN_TWO_FACTOR_REQUIRED:
            self.stdout.write("  Two-factor sign-in is off here (ADMIN_TWO_FACTOR_REQUIRED=true)")
        self.stdout.write(self.style.SUCCESS("  Stop:        Ctrl-C\n"))
        # Ctrl-C or a plain `kill` both end the stack (SIGINT may arrive ignored when started
        # from a script, so it is set explicitly).
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        processes = {name: subprocess.Popen(cmd, env=env) for name, cmd in commands.items()}  # noqa: S603
        try:
            while all(p.poll() is None for p in processes.values()):
                time.sleep(0.5)
            stopped = [name for name, p in processes.items() if p.poll() is not None]
            self.stderr.write(f"{', '.join(stopped)} stopped; stopping the rest.")
        except KeyboardInterrupt:
            pass
        finally:
            for process in processes.values():
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)
            for process in processes.values():
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
