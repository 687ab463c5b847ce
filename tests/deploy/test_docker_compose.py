"""docker-compose.yml cannot run here (no Docker engine), so what it would do is checked with
the real parsers and servers: gunicorn reads the web service's command line, Redis runs with
the command of the service the broker's and the cache's URLs name, the settings parse
TRUSTED_PROXIES. The front server's configuration and the health checks run in a real nginx in
front of a real gunicorn in test_front_server.py.
"""

import ipaddress
import json
import re
import shlex
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import redis
import yaml
from gunicorn.app.wsgiapp import WSGIApplication

from tests.harness.redis import RedisServer
from tests.harness.services import unavailable
from website.client_ip import parse_networks
from website.gunicorn_logging import PrivateAccessLogger

ROOT = Path(__file__).resolve().parents[2]
APP_SERVICES = ["web", "worker", "beat"]


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def services(compose):
    return compose["services"]


def test_only_the_front_server_is_reachable_from_other_machines(services):
    assert "ports" not in services["web"]  # gunicorn: only through the front server
    for name, service in services.items():
        if name != "front":
            for mapping in service.get("ports", []):
                assert mapping.startswith("127.0.0.1:"), f"{name} publishes {mapping}"


def gunicorn_config(argv: list[str], monkeypatch):
    """The settings gunicorn itself makes of this command line (and the config file it names)."""
    assert argv[0] == "gunicorn"
    monkeypatch.chdir(ROOT)  # the image's WORKDIR holds the repository
    monkeypatch.setattr(sys, "argv", argv)
    return WSGIApplication("%(prog)s [OPTIONS] [APP_MODULE]", prog="gunicorn").cfg


def web_commands(services) -> list[list[str]]:
    """The web service's `sh -c` script as compose runs it, one argv per `&&` step."""
    argv = shlex.split(services["web"]["command"])  # compose splits a string command like this
    assert argv[:2] == ["sh", "-c"]
    script = argv[2]
    # A line break would end a shell command early, dropping the options after it.
    assert "\n" not in script
    return [shlex.split(step.strip().removeprefix("exec ")) for step in script.split("&&")]


def assert_served_as_the_front_server_expects(cfg):
    assert cfg.bind == ["0.0.0.0:8000"]
    assert cfg.workers == 2
    assert cfg.accesslog == "-"
    assert cfg.logger_class is PrivateAccessLogger  # no query strings in the access log
    assert "*" not in cfg.forwarded_allow_ips  # nobody but loopback may claim HTTPS to gunicorn


def test_web_serves_with_gunicorn_conf_behind_the_front_server(services, monkeypatch):
    steps = web_commands(services)
    assert steps[-2] == ["python", "manage.py", "migrate", "--noinput"]
    cfg = gunicorn_config(steps[-1], monkeypatch)
    assert_served_as_the_front_server_expects(cfg)
    # The front server sends to the address gunicorn listens on, within the compose network.
    port = cfg.bind[0].rsplit(":", 1)[1]
    assert services["front"]["environment"]["APP_SERVER"] == f"web:{port}"


def test_the_image_serves_with_gunicorn_conf_too(monkeypatch):
    dockerfile = (ROOT / "Dockerfile").read_text()
    cmd = re.search(r"^CMD (\[.*?\])$", dockerfile, re.MULTILINE | re.DOTALL).group(1)
    assert_served_as_the_front_server_expects(
        gunicorn_config(json.loads(cmd.replace("\\\n", "")), monkeypatch)
    )


def test_static_files_reach_the_front_server(services):
    copy = web_commands(services)[0]
    assert copy[:3] == ["cp", "-a", "/app/var/static/."]  # collectstatic's output in the image
    published = copy[3].rstrip("/")
    assert f"static:{published}" in services["web"]["volumes"]
    served = services["front"]["environment"]["STATIC_ROOT_DIR"]
    assert f"static:{served}:ro" in services["front"]["volumes"]
    # The image creates the folder, so a fresh volume starts owned by the app's user.
    assert f"mkdir -p {published}" in (ROOT / "Dockerfile").read_text()


def test_the_app_believes_the_client_address_only_from_the_front_server(compose, services):
    front = services["front"]["networks"]["default"]["ipv4_address"]
    subnet = ipaddress.ip_network(compose["networks"]["default"]["ipam"]["config"][0]["subnet"])
    assert ipaddress.ip_address(front) in subnet
    gateway = next(subnet.hosts())  # Docker's own address: where published ports come from
    for name in APP_SERVICES:
        environment = services[name]["environment"]
        assert environment["CLIENT_IP_HEADER"] == "HTTP_X_FORWARDED_FOR"
        trusted = parse_networks(environment["TRUSTED_PROXIES"].split(","))
        assert [ipaddress.ip_address(front) in network for network in trusted] == [True]
        assert not any(gateway in network for network in trusted)
        assert trusted[0].num_addresses == 1


def redis_service_named_in(services, variable: str) -> str:
    """The service the app's `variable` (a redis:// URL) points at, the same for web, worker
    and beat."""
    [host] = {urlsplit(services[name]["environment"][variable]).hostname for name in APP_SERVICES}
    assert host in services
    return host


class RedisProcess(RedisServer):
    """A compose Redis service's command, run as written; only where it listens and writes is
    this machine's."""

    def __init__(self, command: list[str] | str, folder: Path):
        if not shutil.which("redis-server"):
            unavailable("redis-server is not installed")
        if isinstance(command, str):
            command = shlex.split(command)  # as compose splits a string command
        assert command[0] == "redis-server"
        super().__init__(command[1:], folder)

    def config(self, name: str) -> str:
        return self.client.config_get(name)[name]

    def fill(self, megabytes: int) -> int:
        """Writes `megabytes` of 10 kB entries after shrinking memory to 2 MB; how many fit."""
        self.client.config_set("maxmemory", "2mb")
        for n in range(megabytes * 100):
            try:
                self.client.set(f"entry:{n}", b"x" * 10_000)
            except redis.exceptions.OutOfMemoryError:
                return n
        return megabytes * 100


@pytest.fixture
def run_redis(services, tmp_path):
    """`run_redis("CACHE_URL")`: the Redis service that variable names, run with its command."""
    started = []

    def run(variable: str) -> RedisProcess:
        name = redis_service_named_in(services, variable)
        folder = tmp_path / name
        folder.mkdir()
        started.append(RedisProcess(services[name]["command"], folder))
        return started[-1]

    yield run
    for process in started:
        process.stop()


def test_the_cache_redis_evicts_old_entries_when_full(run_redis):
    cache = run_redis("CACHE_URL")
    assert cache.config("maxmemory") == str(256 * 1024 * 1024)
    assert cache.config("maxmemory-policy") == "allkeys-lru"
    assert cache.config("appendonly") == "no" and cache.config("save") == ""
    assert cache.fill(megabytes=5) == 500  # every write accepted...
    assert cache.client.info("stats")["evicted_keys"] > 0  # ...the oldest entries made room


def test_the_broker_redis_never_evicts_a_queued_task(run_redis):
    broker = run_redis("CELERY_BROKER_URL")
    assert broker.config("maxmemory-policy") == "noeviction"
    assert broker.config("appendonly") == "yes"
    stored = broker.fill(megabytes=5)
    assert 0 < stored < 500  # full: new writes are refused, loudly...
    assert broker.client.info("stats")["evicted_keys"] == 0  # ...and nothing queued is lost
    assert broker.client.dbsize() == stored
