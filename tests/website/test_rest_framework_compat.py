"""The REST framework imported without psycopg unless the database is PostgreSQL
(website/rest_framework_compat.py): the admin, which uses it, still works; the framework's
tolerant import it relies on is pinned."""

import inspect
import json
import subprocess
import sys
import textwrap

import pytest

from website.settings.base import BASE_DIR


def test_a_fresh_process_imports_psycopg_only_for_postgresql():
    """What a gunicorn worker does: Django set up, then its first request imports Wagtail's admin
    API (and with it the REST framework)."""
    script = textwrap.dedent("""
        import json, sys
        import django
        django.setup()
        import wagtail.admin.api.views
        from django.conf import settings
        from rest_framework import compat
        print(json.dumps({
            "postgresql": "postgres" in settings.DATABASES["default"]["ENGINE"],
            "psycopg": "psycopg" in sys.modules,
            "postgres_fields": compat.postgres_fields is not None,
        }))
    """)
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=BASE_DIR, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    # On PostgreSQL the connection needs psycopg and the framework keeps its PostgreSQL fields.
    assert found["psycopg"] == found["postgres_fields"] == found["postgresql"]


def test_the_rest_framework_tolerates_django_contrib_postgres_failing_to_import():
    from rest_framework import compat

    source = inspect.getsource(compat)
    assert (
        "try:\n    from django.contrib.postgres import fields as postgres_fields\n"
        "except ImportError:\n    postgres_fields = None"
    ) in source


@pytest.mark.django_db
def test_the_admin_and_its_page_explorer_api_still_answer(admin_client, home_page):
    assert admin_client.get("/admin/").status_code == 200
    response = admin_client.get(f"/admin/api/main/pages/?child_of={home_page.pk}&for_explorer=1")
    assert response.status_code == 200
    assert "items" in response.json()
    edit = admin_client.get(f"/admin/pages/{home_page.pk}/edit/")
    assert edit.status_code == 200
    assert b'name="title"' in edit.content  # the edit form, built from the page's panels
