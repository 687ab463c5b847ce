"""The front server, run for real: Debian's nginx with the repository's
deploy/nginx/default.conf.template, in front of a real gunicorn (gunicorn.conf.py, test database).

The template is filled in as the official nginx image does it (envsubst of the variables
docker-compose sets), and included in a main configuration like that image's own nginx.conf.
"""

import gzip
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.harness.services import free_port, unavailable

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "deploy" / "nginx" / "default.conf.template"
HASHED_CSS = "website/css/site.0123456789ab.css"

# Like the official image's /etc/nginx/nginx.conf, with everything it writes kept in one folder.
MAIN_CONFIG = """
{user}
worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    keepalive_timeout 65;
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/conf.d/*.conf;
}}
"""


def envsubst(template: str, values: dict) -> str:
    """What the official image does to /etc/nginx/templates/*.template: replace the variables
    set in the container's environment, leave every other $name to nginx."""
    for name, value in values.items():
        template = template.replace("${" + name + "}", value)
    return template


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if not found:
        unavailable("nginx is not installed (apt-get install nginx)")
    return found


class Nginx:
    """nginx on a free port of 127.0.0.1 in front of `app` (a tests.harness.web.WebProcess)."""

    def __init__(self, binary: str, folder: Path, app, static_root: Path):
        self.binary = binary
        self.app = app
        self.folder = folder
        self.port = free_port()
        (folder / "conf.d").mkdir(parents=True)
        values = {
            "FRONT_LISTEN": f"127.0.0.1:{self.port}",
            "APP_SERVER": app.url.removeprefix("http://"),
            "STATIC_ROOT_DIR": str(static_root),
        }
        (folder / "conf.d" / "default.conf").write_text(envsubst(TEMPLATE.read_text(), values))
        # Run as root (as in CI), nginx's workers would become `nobody`, who cannot read tmp_path.
        user = "user root;" if os.geteuid() == 0 else ""
        (folder / "nginx.conf").write_text(MAIN_CONFIG.format(user=user, folder=folder))
        self.output_path = folder / "output.log"  # its access log goes to stdout
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "Nginx":
        command = [self.binary, "-p", str(self.folder), "-e", str(self.folder / "error.log"),
                   "-c", str(self.folder / "nginx.conf")]  # fmt: skip
        self.process = subprocess.Popen(
            command, stdout=self.output_path.open("w"), stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited:\n{self.log()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"nginx did not listen within 20 s:\n{self.log()}")

    def log(self) -> str:
        error_log = self.folder / "error.log"
        return self.output_path.read_text() + (error_log.read_text() if error_log.exists() else "")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # graceful shutdown
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


@pytest.fixture
def static_root(tmp_path):
    """A collectstatic output: a hashed file (cached forever) and an unhashed one."""
    root = tmp_path / "static"
    (root / HASHED_CSS).parent.mkdir(parents=True)
    (root / HASHED_CSS).write_text("body { color: #222; }\n" * 40)
    (root / "staticfiles.json").write_text('{"paths": {}}')
    return root


@pytest.fixture
def front(start_gunicorn, static_root, tmp_path, home_page):
    binary = nginx_binary()
    server = Nginx(binary, tmp_path / "nginx", start_gunicorn(), static_root)
    try:
        yield server.start()
    finally:
        server.stop()


def get(url: str, **headers) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, dict(response.headers), response.read()


def wait_for_line(read, pattern: str, timeout: float = 10.0) -> str:
    """A server logs a request after answering it."""
    deadline = time.monotonic() + timeout
    while not re.search(pattern, read()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return read()


def test_a_client_sent_forwarded_for_is_replaced_by_the_real_address(front):
    get(f"{front.url}/sitemap.xml", **{"X-Forwarded-For": "6.6.6.6"})
    # gunicorn.conf.py logs the X-Forwarded-For it received, then the connection's address.
    log = wait_for_line(front.app.access_log.read_text, r"GET /sitemap\.xml")
    line = next(line for line in log.splitlines() if "GET /sitemap.xml" in line)
    assert line.startswith("127.0.0.1 via 127.0.0.1 ")
    assert "6.6.6.6" not in log


def test_pages_are_gzipped_but_the_admin_is_not(front):
    status, headers, body = get(f"{front.url}/", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert headers.get("Content-Encoding") == "gzip"
    assert b"<html" in gzip.decompress(body)

    status, headers, body = get(f"{front.url}/admin/login/", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert "Content-Encoding" not in headers  # patient data next to typed input: no BREACH
    assert b"<html" in body


def test_static_files_are_served_by_nginx_hashed_ones_cached_forever(front, static_root):
    status, headers, body = get(f"{front.url}/static/{HASHED_CSS}")
    assert status == 200
    assert body == (static_root / HASHED_CSS).read_bytes()  # only in nginx's folder, not Django's
    assert headers["Content-Type"].startswith("text/css")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["X-Content-Type-Options"] == "nosniff"

    status, headers, _ = get(f"{front.url}/static/staticfiles.json")
    assert headers["Cache-Control"] == "public, max-age=300"


def test_the_front_server_access_log_holds_no_query_strings(front):
    get(f"{front.url}/search/?q=Jane.Doe%40example.com", Referer=f"{front.url}/?q=Doe")
    log = wait_for_line(front.log, r"GET /search/")
    assert '"GET /search/?[redacted] HTTP/1.1" 200' in log
    assert "Jane" not in log and "Doe" not in log and "example.com" not in log


def health_check_path(service: dict) -> str:
    """The path a compose health check asks for (`wget …`/`curl … http://host:port/path`)."""
    command = service["healthcheck"]["test"]
    assert command[0] == "CMD"
    return urlsplit(command[-1]).path


def test_the_health_checks_compose_runs_answer(front):
    """Each a container's own address in compose; here the same paths on the real servers.
    A path that does not answer 2xx would mark the container unhealthy for good."""
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    for server, service in ((front, services["front"]), (front.app, services["web"])):
        status, _, _ = get(server.url + health_check_path(service))
        assert 200 <= status < 300, (server.url, service["healthcheck"])


def test_the_template_is_filled_with_what_docker_compose_sets():
    """Every ${NAME} in the template is set in the front service's environment: a variable
    compose forgot would reach nginx as a literal and stop it at start."""
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    environment = compose["services"]["front"]["environment"]
    rendered = envsubst(TEMPLATE.read_text(), environment)
    assert not re.search(r"\$\{[A-Z_]+\}", rendered)
