import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.harness.database import VAR_DIR, file_lock
from tests.harness.demo_snapshot import RUN, forget_earlier_runs

ROOT = Path(__file__).resolve().parents[2]
FOLDER = VAR_DIR / "test-static"


@pytest.fixture(scope="session")
def collected_static() -> Path:
    """What `manage.py collectstatic` makes under the production settings (hashed names,
    compressed copies), made once per run for the tests that look at it or serve it (~7 s of
    CPU; they may run in different xdist processes): the first makes it under a file lock in
    var/test-static/<run>/, the others wait for it. Only read, never written, by the tests."""
    run_folder = FOLDER / RUN[:16]
    static_root = run_folder / "static"
    run_folder.mkdir(parents=True, exist_ok=True)
    with file_lock(run_folder / "collect.lock"):
        if not static_root.exists():
            forget_earlier_runs(FOLDER)
            building = run_folder / "static.building"
            shutil.rmtree(building, ignore_errors=True)
            _collectstatic(building)
            building.replace(static_root)
    return static_root


def _collectstatic(static_root: Path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "localhost",
        "STATIC_ROOT": str(static_root),
        "DATABASE_URL": "sqlite:///:memory:",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT, env=env, check=True, timeout=300,
    )  # fmt: skip
