"""The purge, run for real: Debian's Varnish with deploy/varnish/default.vcl.template in front of a
real gunicorn, a real Celery worker sending the purges (website/frontend_cache.py, Wagtail's
HTTPBackend), and the test publishing and saving as an editor does."""

import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from wagtail.models import Site

from blog.models import ArticlePage
from hours.models import HoursSettings
from tests.blog.factories import ArticlePageFactory, BlogIndexPageFactory
from tests.harness.services import free_port, unavailable
from tests.harness.worker import settle
from tests.website.factories import StandardPageFactory, build_site

from .test_front_server import envsubst

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "deploy" / "varnish" / "default.vcl.template"
HOST = "localhost"  # the test site's hostname: the purges name it, so the visitors do too


def varnishd_binary() -> str:
    found = shutil.which("varnishd") or (
        "/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else ""
    )
    if not found:
        unavailable("varnishd is not installed (apt-get install varnish)")
    return found


class Varnish:
    """varnishd in the foreground on a free port of 127.0.0.1, in front of `app`."""

    def __init__(self, binary: str, folder: Path, app):
        self.binary, self.folder, self.port = binary, folder, free_port()
        folder.mkdir(parents=True)
        host, _, port = app.url.removeprefix("http://").partition(":")
        values = {"APP_HOST": host, "APP_PORT": port, "PURGERS": ""}
        (folder / "default.vcl").write_text(envsubst(TEMPLATE.read_text(), values))
        self.output_path = folder / "varnishd.log"
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "Varnish":
        command = [self.binary, "-F", "-j", "none", "-n", str(self.folder / "work"),
                   "-a", f"127.0.0.1:{self.port}", "-f", str(self.folder / "default.vcl"),
                   "-s", "malloc,32m"]  # fmt: skip
        self.process = subprocess.Popen(
            command, stdout=self.output_path.open("w"), stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"varnishd exited:\n{self.output_path.read_text()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"varnishd did not listen within 30 s:\n{self.output_path.read_text()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def get(self, path: str) -> tuple[str, str]:
        """(Varnish's HIT or MISS, the page) for a visitor of the site."""
        request = urllib.request.Request(self.url + path, headers={"Host": HOST})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.headers["X-Front-Cache"], response.read().decode()


@pytest.fixture
def varnish(start_gunicorn, start_worker, tmp_path, settings):
    binary = varnishd_binary()
    server = Varnish(binary, tmp_path / "varnish", start_gunicorn())
    server.start()
    # The editor's side (this process) queues the purges; the worker sends them to Varnish.
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": server.url,
        }
    }
    server.worker = start_worker(FRONTEND_CACHE_PURGE_URL=server.url)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pages():
    home = build_site()
    blog = BlogIndexPageFactory(parent=home)
    ArticlePageFactory(parent=blog, slug="lifting", title="Lifting")
    StandardPageFactory(parent=home, slug="insurance", title="Insurance")
    return ["/", "/blog/", "/blog/lifting/", "/blog/feed/", "/insurance/", "/sitemap.xml"]


def cached_everywhere(varnish, paths) -> None:
    settle(varnish.worker)  # the purges of building the site are over
    for path in paths:
        varnish.get(path)
    assert {path: varnish.get(path)[0] for path in paths} == dict.fromkeys(paths, "HIT")


def test_after_a_publish_the_next_request_through_varnish_is_fresh(varnish, pages):
    cached_everywhere(varnish, pages)
    article = ArticlePage.objects.get(slug="lifting")
    article.title = "Lifting without back pain"
    article.save_revision().publish()
    settle(varnish.worker)  # the purge is sent a moment after the commit

    state, html = varnish.get("/blog/lifting/")
    assert state == "MISS" and "Lifting without back pain" in html
    for path in ("/", "/blog/", "/blog/feed/", "/sitemap.xml"):  # lists, feed, sitemap
        assert varnish.get(path)[0] == "MISS", path
    assert "Lifting without back pain" in varnish.get("/blog/")[1]
    assert varnish.get("/insurance/")[0] == "HIT"  # nothing there shows the article


def test_a_site_wide_save_purges_every_page(varnish, pages):
    cached_everywhere(varnish, pages)
    hours = HoursSettings.for_site(Site.objects.get())
    hours.banner_enabled = not hours.banner_enabled
    hours.save()
    settle(varnish.worker)
    assert {path: varnish.get(path)[0] for path in pages} == dict.fromkeys(pages, "MISS")


def test_only_the_purgers_may_purge(varnish, pages):
    cached_everywhere(varnish, pages)
    request = urllib.request.Request(
        f"{varnish.url}/insurance/", method="PURGE", headers={"Host": HOST}
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # from 127.0.0.1: allowed
        assert response.status == 200
    assert varnish.get("/insurance/")[0] == "MISS"
    assert varnish.get("/blog/")[0] == "HIT"
