"""Production settings: refuse to start without secrets; pass Django's deployment checks."""

import ast
import os
import re
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


def is_os_environ(node: ast.AST) -> bool:
    return ast.unparse(node) == "os.environ"


def name_read(node: ast.AST) -> str | None:
    """The NAME of env("NAME"), env.int("NAME"), env_path("NAME", …), os.environ.get("NAME"),
    os.environ["NAME"] or "NAME" in os.environ."""
    if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
        func = node.func
        if (
            (isinstance(func, ast.Name) and func.id in {"env", "env_path"})
            or (isinstance(func, ast.Attribute) and ast.unparse(func.value) == "env")
            or (isinstance(func, ast.Attribute) and is_os_environ(func.value))
        ):
            return node.args[0].value
    if isinstance(node, ast.Subscript) and is_os_environ(node.value):
        return node.slice.value if isinstance(node.slice, ast.Constant) else None
    if (
        isinstance(node, ast.Compare)
        and isinstance(node.left, ast.Constant)
        and isinstance(node.ops[0], ast.In)
        and is_os_environ(node.comparators[0])
    ):
        return node.left.value
    return None


# Set by pytest-xdist in each of its processes and read by the test settings: no deployer's.
SET_BY_TEST_RUNNER = {"PYTEST_XDIST_WORKER"}


def variables_read() -> set[str]:
    """Every environment variable the settings read, and website/environment.py (.env itself)."""
    sources = [*(ROOT / "website" / "settings").glob("*.py"), ROOT / "website" / "environment.py"]
    return {
        name
        for path in sources
        for node in ast.walk(ast.parse(path.read_text()))
        if (name := name_read(node))
    } - SET_BY_TEST_RUNNER


def variables_documented() -> set[str]:
    """`NAME=value`, or `# NAME=default` for the ones a deployer rarely sets."""
    text = (ROOT / ".env.example").read_text()
    return set(re.findall(r"^(?:# ?)?([A-Z][A-Z0-9_]+)=", text, re.MULTILINE))


def test_env_example_documents_every_variable_the_settings_read():
    read = variables_read()
    assert {"SECRET_KEY", "DATABASE_URL", "STATIC_ROOT", "ENV_FILE"} <= read  # the parser works
    assert read - variables_documented() == set(), "add these to .env.example"
    assert variables_documented() - read == set(), "nothing reads these any more"


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
