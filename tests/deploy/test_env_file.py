"""`.env` chooses the settings of every entry point, as `.env.example` promises a deployer.

The bug lived in process start-up: manage.py, website/wsgi.py and website/celery.py chose the dev
settings before anything read .env, so a deployer who followed .env.example ran the dev settings:
no HSTS, secure cookies or HTTPS redirect, and DEBUG on (the debug pages) and two factors off as
soon as .env left those lines out. So each test starts a real entry point in a subprocess, from a
copy of the project with its own .env beside manage.py, exactly where a deployer puts it.
"""

import json
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.harness.database import migrated_sqlite_file
from tests.harness.services import free_port

from .test_production_settings import ROOT, clean_environment

BIN = Path(sys.executable).parent
# What a deployment carries: the code and templates; not the venv, the tests or anyone's .env.
NOT_DEPLOYED = shutil.ignore_patterns(
    ".venv", ".git", ".ci", "var", "tests", "bench", "__pycache__", ".env"
)
PRINT_SETTINGS = (
    "import json; from django.conf import settings; print(json.dumps({"
    "'module': settings.SETTINGS_MODULE, 'debug': settings.DEBUG,"
    "'two_factor': settings.ADMIN_TWO_FACTOR_REQUIRED, 'hosts': settings.ALLOWED_HOSTS}))"
)
PRODUCTION = {
    "module": "website.settings.production",
    "debug": False,
    "two_factor": True,
    "hosts": ["www.example-practice.com", "example-practice.com"],  # as in .env.example
}


@pytest.fixture
def deployment(tmp_path) -> Path:
    """A copy of the project, as it sits on a server, with the .env a deployer writes by
    following .env.example: a secret key, and this machine's services in place of compose's."""
    site = tmp_path / "site"
    shutil.copytree(ROOT, site, ignore=NOT_DEPLOYED)
    write_env_file(
        site / ".env",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        CELERY_BROKER_URL="filesystem://localhost/",
        CACHE_URL=f"file://{tmp_path / 'cache'}",
        EMAIL_URL="",
    )
    return site


def write_env_file(path: Path, **edits: str) -> Path:
    """.env.example with each edited variable's line replaced (None drops the line)."""
    lines = []
    for line in (ROOT / ".env.example").read_text().splitlines():
        name = line.partition("=")[0]
        if not line.startswith("#") and name in edits:
            value = edits.pop(name)
            if value is None:
                continue
            line = f"{name}={value}"
        lines.append(line)
    lines += [f"{name}={value}" for name, value in edits.items() if value is not None]
    path.write_text("\n".join(lines) + "\n")
    return path


def edit_env_file(site: Path, **edits: str) -> None:
    """The site's .env with more edits on top of those it already has."""
    env_file = site / ".env"
    lines = env_file.read_text().splitlines()
    current = dict(line.split("=", 1) for line in lines if "=" in line and line[0] != "#")
    write_env_file(env_file, **{**current, **edits})


def run(site: Path, *command: str, **env_overrides: str) -> subprocess.CompletedProcess:
    """A command in the site's folder with no DJANGO_SETTINGS_MODULE: only .env may choose."""
    return subprocess.run(
        command, cwd=site, env={**clean_environment(), **env_overrides},
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip


def printed_settings(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_manage_py_runs_in_the_settings_env_file_names(deployment):
    result = run(deployment, sys.executable, "manage.py", "shell", "--no-imports", "-c",
                 PRINT_SETTINGS)  # fmt: skip
    assert printed_settings(result) == PRODUCTION


def test_gunicorns_wsgi_module_runs_in_the_settings_env_file_names(deployment):
    result = run(deployment, sys.executable, "-c", f"import website.wsgi; {PRINT_SETTINGS}")
    assert printed_settings(result) == PRODUCTION


def test_celery_worker_and_beat_run_in_the_settings_env_file_names(deployment):
    # `celery -A website report` loads the app as `worker` and `beat` do, then prints the settings.
    result = run(deployment, str(BIN / "celery"), "-A", "website", "report")
    assert result.returncode == 0, result.stderr
    assert "SETTINGS_MODULE: 'website.settings.production'" in result.stdout
    assert "\nDEBUG: False\n" in result.stdout
    assert "\nADMIN_TWO_FACTOR_REQUIRED: True\n" in result.stdout


def test_the_real_environment_wins_over_env_file(deployment):
    result = run(deployment, sys.executable, "manage.py", "shell", "--no-imports", "-c",
                 PRINT_SETTINGS, DJANGO_SETTINGS_MODULE="website.settings.dev",
                 ALLOWED_HOSTS="localhost")  # fmt: skip
    # The two set here win; the rest still comes from .env (DEBUG=false, two factors on).
    assert printed_settings(result) == {
        "module": "website.settings.dev",
        "debug": False,
        "two_factor": True,
        "hosts": ["localhost"],
    }


def test_env_file_variable_names_another_file(tmp_path):
    """ENV_FILE points the real checkout at a file kept elsewhere (e.g. /etc/practice/env)."""
    env_file = write_env_file(
        tmp_path / "practice.env",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL="sqlite:///:memory:",
        CACHE_URL=f"file://{tmp_path / 'cache'}",
    )
    result = run(ROOT, sys.executable, "manage.py", "shell", "--no-imports", "-c",
                 PRINT_SETTINGS, ENV_FILE=str(env_file))  # fmt: skip
    assert printed_settings(result) == PRODUCTION

    missing = run(ROOT, sys.executable, "manage.py", "check",
                  ENV_FILE=str(tmp_path / "no-such.env"))  # fmt: skip
    assert missing.returncode != 0
    assert "ENV_FILE names" in missing.stderr


@pytest.mark.parametrize(
    "settings_line",
    [
        pytest.param("website.settings.dev", id="dev-named"),
        pytest.param(None, id="no-DJANGO_SETTINGS_MODULE-line"),  # the default is dev
    ],
)
def test_dev_settings_refuse_to_serve_a_public_host(deployment, settings_line):
    edit_env_file(deployment, DJANGO_SETTINGS_MODULE=settings_line, DEBUG="true")
    for command in (
        [sys.executable, "manage.py", "check"],
        [sys.executable, "-c", "import website.wsgi"],
        [str(BIN / "celery"), "-A", "website", "report"],
    ):
        result = run(deployment, *command)
        assert result.returncode != 0, command
        assert "website.settings.dev is for this machine only" in result.stderr, command
        assert "www.example-practice.com" in result.stderr
        assert "DJANGO_SETTINGS_MODULE=website.settings.production" in result.stderr


def test_dev_settings_still_start_on_this_machine(deployment):
    """`make run`'s case: no .env at all, or one naming the dev settings and local names only."""
    (deployment / ".env").unlink()
    result = run(deployment, sys.executable, "manage.py", "shell", "--no-imports", "-c",
                 PRINT_SETTINGS)  # fmt: skip
    assert printed_settings(result) == {
        "module": "website.settings.dev",
        "debug": True,
        "two_factor": False,
        "hosts": ["127.0.0.1", "localhost", "[::1]"],
    }

    local_names = ["127.0.0.1", "localhost", "[::1]", ".practice.localhost", "testserver"]
    write_env_file(
        deployment / ".env",
        DJANGO_SETTINGS_MODULE="website.settings.dev",
        DEBUG="true",
        ALLOWED_HOSTS=",".join(local_names),
    )
    result = run(deployment, sys.executable, "manage.py", "shell", "--no-imports", "-c",
                 PRINT_SETTINGS)  # fmt: skip
    assert printed_settings(result)["debug"] is True
    assert printed_settings(result)["hosts"] == local_names


def test_gunicorn_started_as_readme_says_serves_production(deployment, tmp_path, collected_static):
    """The symptom itself: `gunicorn website.wsgi` beside .env.example's .env ran the dev settings,
    which show Django's debug 404 (it lists every URL pattern of the site) unless DEBUG=false
    happens to be in .env; production, which never reads DEBUG, sends HSTS and the plain 404."""
    # The run's migrated database copied in first, when there is one (SQLite): migrate then
    # applies nothing and the test does not pay the ~20 s the whole history costs again.
    migrated = migrated_sqlite_file()
    if migrated is not None:
        shutil.copyfile(migrated, deployment.parent / "db.sqlite3")
    result = run(deployment, sys.executable, "manage.py", "migrate", "--noinput", "-v0")
    assert result.returncode == 0, result.stderr
    # collectstatic's output as the README's step makes it, made once for the session.
    edit_env_file(deployment, STATIC_ROOT=str(collected_static))
    # As written, then without the DEBUG line, which a deployer may drop as production ignores it.
    for edits in ({}, {"DEBUG": None}):
        edit_env_file(deployment, **edits)
        status, headers, body = get_from_gunicorn(deployment, "/nope", tmp_path / "gunicorn.log")
        assert status == 404, edits
        assert "URLconf" not in body, edits
        assert "DEBUG = True" not in body, edits
        assert "We can't find that page" in body, edits  # templates/404.html, the public 404
        hsts = headers["Strict-Transport-Security"]
        assert hsts == "max-age=31536000; includeSubDomains; preload", edits


def get_from_gunicorn(site: Path, path: str, log_path: Path) -> tuple[int, dict, str]:
    """Start `gunicorn website.wsgi` in the site's folder, GET one path, stop it."""
    port = free_port()
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "website.wsgi", "--bind", f"127.0.0.1:{port}"],
            cwd=site, env=clean_environment(), stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    # As the reverse proxy sends it: a public host name, and HTTPS already terminated.
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        headers={"Host": "www.example-practice.com", "X-Forwarded-Proto": "https"},
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if server.poll() is not None:
                pytest.fail(f"gunicorn exited:\n{log_path.read_text()}")
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    return response.status, dict(response.headers), response.read().decode()
            except urllib.error.HTTPError as error:
                return error.code, dict(error.headers), error.read().decode()
            except urllib.error.URLError:
                time.sleep(0.2)
        pytest.fail(f"gunicorn did not answer within 60 s:\n{log_path.read_text()}")
    finally:
        server.terminate()
        server.wait(timeout=30)
