"""A gunicorn worker stays lean: libraries only rare paths use are not loaded with the site.

Each costs every web worker megabytes of memory (`make bench` reports the largest worker's RSS):
Celery (only sending a task needs it), icalendar (only the closures feed), WeasyPrint (only
building a handout PDF, normally in the Celery worker), openpyxl (only spreadsheet exports) and
pillow-heif (only a HEIF image, website/lazy_heif.py).
"""

import json
import secrets

from .test_production_settings import run_manage

RARE = ["celery", "icalendar", "weasyprint", "openpyxl", "pillow_heif"]
# What a worker loads before its first page: the WSGI app, the URLs and every wagtail_hooks module
# (Wagtail imports them all on the first page it serves); then sending a handout PDF build.
SCRIPT = f"""
import json, sys
from django.conf import settings
from django.urls import get_resolver
from wagtail import hooks
from website.wsgi import application
get_resolver().url_patterns
hooks.get_hooks("before_serve_page")
loaded = {{name: name in sys.modules for name in {RARE!r}}}
from handouts.tasks import build_handout_pdfs
app = build_handout_pdfs.app
print(json.dumps({{"loaded": loaded, "app": app.main,
                  "broker": app.conf.broker_url == settings.CELERY_BROKER_URL}}))
"""


def test_web_worker_does_not_load_libraries_of_rare_paths(tmp_path):
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        SCRIPT,
        env_overrides={
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "localhost",
            "DATABASE_URL": "sqlite:///:memory:",
            "CELERY_BROKER_FOLDER": str(tmp_path / "broker"),  # the default file-system broker
        },
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["loaded"] == dict.fromkeys(RARE, False)
    # Sending a task still goes through the project's configured Celery app.
    assert found["app"] == "website"
    assert found["broker"] is True


# The home page's sections, the site notices and the clinic's JSON-LD come from other apps'
# wagtail_hooks.py; a fresh worker's first public page must find them without the admin's URLs.
HOOKS_SCRIPT = """
import json, sys
from wagtail import hooks
from website.home_sections import HOME_SECTIONS_HOOK
from website.site_notices import SITE_NOTICES_HOOK
from website.structured_data import CLINIC_STRUCTURED_DATA_HOOK
from hours.models.saved_schedule import OFFICE_SCHEDULES_HOOK
admin_urls_loaded = "wagtail.admin.urls" in sys.modules
found = {name: [f"{fn.__module__}.{fn.__name__}" for fn in hooks.get_hooks(name)]
         for name in [HOME_SECTIONS_HOOK, SITE_NOTICES_HOOK, CLINIC_STRUCTURED_DATA_HOOK,
                      OFFICE_SCHEDULES_HOOK]}
print(json.dumps({"admin_urls_loaded": admin_urls_loaded, "hooks": found}))
"""


def test_a_fresh_worker_finds_every_apps_public_page_hooks():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        HOOKS_SCRIPT,
        env_overrides={
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "localhost",
            "DATABASE_URL": "sqlite:///:memory:",
        },
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["admin_urls_loaded"] is False
    assert found["hooks"] == {
        "practice_home_sections": [
            "blog.wagtail_hooks.latest_articles",
            "physicians.wagtail_hooks.physicians_for_home",
            "handouts.wagtail_hooks.latest_handouts",
        ],
        "practice_site_notices": ["hours.notices.holiday_banner"],
        "practice_clinic_structured_data": [
            "hours.structured_data.add_opening_hours",
            "locations.wagtail_hooks.offices_of_the_practice",
        ],
        "practice_office_schedules": ["locations.wagtail_hooks.office_schedules"],
    }
