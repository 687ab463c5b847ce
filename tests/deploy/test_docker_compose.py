"""docker-compose.yml cannot run here (no Docker engine), so its shape is checked instead."""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.mark.parametrize("name", ["web", "worker", "beat", "db", "redis", "mail"])
def test_every_service_has_a_health_check(compose, name):
    service = compose["services"][name]
    assert service["healthcheck"]["test"][0] in {"CMD", "CMD-SHELL"}
    assert service["healthcheck"]["test"][1:]


def test_app_services_run_gunicorn_celery_worker_and_beat(compose):
    services = compose["services"]
    assert "gunicorn website.wsgi:application" in services["web"]["command"]
    assert "--workers 2" in services["web"]["command"]
    assert services["worker"]["command"].startswith("celery -A website worker")
    assert services["beat"]["command"].startswith("celery -A website beat")
    assert "/healthz" in " ".join(services["web"]["healthcheck"]["test"])
    for name in ["web", "worker", "beat"]:
        assert services[name]["build"] == "."
        assert services[name]["depends_on"]["db"]["condition"] == "service_healthy"
        assert services[name]["environment"]["CELERY_BROKER_URL"].startswith("redis://redis:")


def test_redis_keeps_queued_tasks(compose):
    command = compose["services"]["redis"]["command"]
    assert "--appendonly yes" in command
    assert "--maxmemory-policy noeviction" in command


def test_dockerfile_installs_the_locked_requirements():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "pip install -r requirements/production.lock" in dockerfile
    assert "collectstatic" in dockerfile
    assert "USER practice" in dockerfile
