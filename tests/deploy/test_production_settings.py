"""Production settings: refuse to start without secrets; pass Django's deployment checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def clean_environment() -> dict:
    """Nothing from this test run (its database, its settings, its async switch) leaks in."""
    return {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}


def run_manage(*args, env_overrides: dict) -> subprocess.CompletedProcess:
    env = clean_environment()
    env.update({"DJANGO_SETTINGS_MODULE": "website.settings.production", **env_overrides})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def example_environment() -> dict:
    """The variables .env.example documents, with a real secret key filled in."""
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key] = value
    values["SECRET_KEY"] = secrets.token_urlsafe(50)
    values["DATABASE_URL"] = "sqlite:///:memory:"  # check --deploy does not need the server
    return values


def test_refuses_to_start_without_a_secret_key():
    result = run_manage("check", env_overrides={"ALLOWED_HOSTS": "example.com"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", env_overrides={"SECRET_KEY": secrets.token_urlsafe(50)})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_every_documented_variable_is_set_in_example():
    documented = example_environment()
    for name in ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "CELERY_BROKER_URL", "EMAIL_URL",
                 "RECAPTCHA_PUBLIC_KEY", "RECAPTCHA_PRIVATE_KEY", "PRACTICE_TIME_ZONE",
                 "SITE_URL", "DEBUG"]:  # fmt: skip
        assert name in documented


def test_check_deploy_has_no_warnings_with_the_example_environment():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env_overrides=example_environment()
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_refuses_a_per_process_memory_cache():
    """Each gunicorn worker would keep its own pages and rate-limit counters."""
    result = run_manage("check", env_overrides={**example_environment(), "CACHE_URL": "locmem://"})
    assert result.returncode != 0
    assert "CACHE_URL=locmem:// is for development and tests only" in result.stderr
    shared = run_manage(
        "check", env_overrides={**example_environment(), "CACHE_URL": "file:///tmp/x"}
    )
    assert shared.returncode == 0, shared.stderr


def test_refuses_a_client_address_header_without_a_trusted_proxy():
    """Believed from anyone, the header would let a client dodge the rate limit and lockouts."""
    env = {**example_environment(), "TRUSTED_PROXIES": ""}
    result = run_manage("check", env_overrides=env)
    assert result.returncode != 0
    assert "CLIENT_IP_HEADER=HTTP_X_FORWARDED_FOR is set but TRUSTED_PROXIES is empty" in (
        result.stderr
    )


def test_refuses_a_trusted_proxy_that_is_not_an_address():
    env = {**example_environment(), "TRUSTED_PROXIES": "127.0.0.1,nginx"}
    result = run_manage("check", env_overrides=env)
    assert result.returncode != 0
    assert "TRUSTED_PROXIES: 'nginx' is not an IP address or network" in result.stderr
