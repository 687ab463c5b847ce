"""pyproject.toml declares every package our code imports, pinned as in requirements/*.lock.

A package we import but only get through another one (redis through celery[redis]) disappears
the day that other package stops needing it; declared, it stays, and `make lock` keeps it."""

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
FIRST_PARTY = {
    path.parent.name for path in ROOT.glob("*/__init__.py") if path.parent.name != ".venv"
}
DEV_ONLY = {"tests", "bench"}  # what runs the suite and the benchmark, never the site


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(requirements: list[str]) -> dict[str, str]:
    """{'redis': '8.1.0'} from ['redis==8.1.0', 'celery[redis]==5.7.0', ...]"""
    pins = {}
    for requirement in requirements:
        name, _, version = requirement.partition("==")
        pins[normalise(name.split("[")[0])] = version
    return pins


def locked(lock_file: str) -> dict[str, str]:
    text = (ROOT / "requirements" / lock_file).read_text()
    return {normalise(name): version for name, version in re.findall(r"^(\S+)==(\S+)", text, re.M)}


def imported_distributions(packages: set[str]) -> dict[str, set[str]]:
    """{distribution: {files importing it}} for the third-party imports in `packages`."""
    owners = packages_distributions()
    found: dict[str, set[str]] = {}
    for package in packages:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0:
                    modules = [node.module]
                else:
                    continue
                for module in modules:
                    top = module.split(".")[0]
                    if top in sys.stdlib_module_names or top in FIRST_PARTY:
                        continue
                    for distribution in owners.get(top, [top]):
                        found.setdefault(normalise(distribution), set()).add(
                            str(path.relative_to(ROOT))
                        )
    return found


PRODUCTION = pinned(PYPROJECT["dependencies"])
DEV = pinned(PYPROJECT["optional-dependencies"]["dev"])


def test_the_site_declares_every_package_it_imports():
    imported = imported_distributions(FIRST_PARTY - DEV_ONLY)
    missing = {name: sorted(files) for name, files in imported.items() if name not in PRODUCTION}
    assert missing == {}, "add to [project] dependencies in pyproject.toml"


def test_the_tests_and_benchmark_declare_every_package_they_import():
    imported = imported_distributions(DEV_ONLY)
    missing = {
        name: sorted(files)
        for name, files in imported.items()
        if name not in PRODUCTION and name not in DEV
    }
    assert missing == {}, "add to the dev extra in pyproject.toml"


@pytest.mark.parametrize(
    ("lock_file", "pins"),
    [("production.lock", PRODUCTION), ("dev.lock", PRODUCTION | DEV)],
)
def test_every_pin_in_pyproject_is_the_version_in_the_lock_file(lock_file, pins):
    versions = locked(lock_file)
    differ = {
        name: (version, versions.get(name))
        for name, version in pins.items()
        if versions.get(name) != version
    }
    assert differ == {}, f"pyproject.toml and requirements/{lock_file} disagree (run make lock)"
