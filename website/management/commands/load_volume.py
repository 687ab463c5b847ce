"""`manage.py load_volume --into-database NAME`: fills the database with made-up volume data
(website/volume/) on top of the demo site, for `make bench-volume`.

It writes 100,000 fake appointment requests: it refuses to run unless `--into-database` repeats
the name of the database it is connected to (DATABASES["default"]["NAME"]), so it is never run
against a practice's real database by a slip of the shell history or the wrong `.env`."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from website.volume import Targets, pages, requests


class Command(BaseCommand):
    help = "Fill a scratch database with volume data (made up, seeded). Never on a real site."

    def add_arguments(self, parser):
        parser.add_argument(
            "--into-database",
            metavar="NAME",
            help="The name of the database to fill, repeated as a safeguard (required).",
        )
        parser.add_argument(
            "--scale", type=float, default=1.0, help="1 = 100,000 requests, 2,000 articles, …"
        )
        parser.add_argument("--seed", type=int, default=19)

    def handle(self, *args, into_database, scale, seed, **options):
        name = str(connection.settings_dict["NAME"])
        if into_database != name:
            raise CommandError(
                "This writes made-up patients into the database. To confirm that "
                f"'{name}' is a scratch database, run it with --into-database {name}"
            )
        if not 0 < scale <= 10:
            raise CommandError("--scale must be above 0 and at most 10.")
        targets = Targets.scaled(scale)
        started = time.monotonic()
        offices = pages.offices(targets.offices, seed, self.stdout)
        physicians = pages.physicians(targets.physicians, offices, seed, self.stdout)
        pages.articles(targets.articles, physicians, seed, self.stdout)
        pages.handouts(targets.handouts, physicians, seed, self.stdout)
        requests.load(targets.requests, offices, physicians, seed, self.stdout)
        if connection.vendor == "postgresql":
            # What autovacuum does in a while on a real database: fresh statistics for the
            # planner, and the visibility map, without which an index-only scan (the inbox's
            # counts) still visits every row it counts. VACUUM runs only outside a transaction
            # (a command's queries are autocommitted); called inside one (a test), the planner
            # still gets its statistics.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(f"Volume data in place ({time.monotonic() - started:.0f} s).")
        )
