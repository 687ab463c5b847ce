"""`manage.py compile_catalogues`: locale/*/LC_MESSAGES/*.po to .mo with polib (no msgfmt
needed). `make setup` runs it; `--all` compiles even the catalogues that look up to date."""

from django.core.management.base import BaseCommand

from website.catalogues import catalogues, compile_catalogue, compile_stale


class Command(BaseCommand):
    help = "Compiles the site's translation catalogues (locale/) with polib."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Compile every catalogue.")

    def handle(self, *args, **options):
        if options["all"]:
            compiled = [compile_catalogue(path) for path in catalogues()]
        else:
            compiled = compile_stale()
        for path in compiled:
            self.stdout.write(f"Compiled {path}")
