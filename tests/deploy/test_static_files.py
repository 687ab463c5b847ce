"""Production static files: hashed names (cache forever) and pre-compressed copies."""

import json
import secrets
import subprocess
import sys
from pathlib import Path

from whitenoise.middleware import WhiteNoiseMiddleware

ROOT = Path(__file__).resolve().parents[2]


def test_collectstatic_hashes_and_compresses_and_whitenoise_caches_forever(tmp_path, settings):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "localhost",
        "STATIC_ROOT": str(tmp_path),
        "DATABASE_URL": "sqlite:///:memory:",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT, env=env, check=True, timeout=300,
    )  # fmt: skip
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    hashed = manifest["website/css/site.css"]
    assert hashed != "website/css/site.css"
    assert (tmp_path / hashed).exists()
    assert (tmp_path / f"{hashed}.gz").exists() or (tmp_path / f"{hashed}.br").exists()

    # WhiteNoise marks hashed files immutable for a year, unhashed ones for a short time.
    settings.STATIC_ROOT = tmp_path
    settings.WHITENOISE_USE_FINDERS = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    middleware = WhiteNoiseMiddleware(lambda request: None)
    assert middleware.immutable_file_test("", f"/static/{hashed}")
    assert not middleware.immutable_file_test("", "/static/website/css/site.css")
