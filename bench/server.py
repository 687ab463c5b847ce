"""A production-shaped server for the benchmarks: the demo site built in its own folder
(var/bench/), production settings, gunicorn with 2 sync workers on 127.0.0.1."""

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from website.catalogues import compile_stale

from .stack import free_port

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"


def bench_environment(**overrides) -> dict:
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL="http://127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{BENCH_DIR / 'db.sqlite3'}",
        CACHE_URL=f"file://{BENCH_DIR / 'cache'}",
        CELERY_BROKER_URL="filesystem://localhost/",
        CELERY_BROKER_FOLDER=str(BENCH_DIR / "broker"),
        EMAIL_FOLDER=str(BENCH_DIR / "mail"),
        STATIC_ROOT=str(BENCH_DIR / "static"),
        MEDIA_ROOT=str(BENCH_DIR / "media"),
        LOG_LEVEL="WARNING",
    )
    env.update(overrides)
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def build_site(env: dict) -> None:
    """Compile the site's translations, migrate, load the demo content and collect static files
    (hashed, compressed). The catalogues are build products (website/catalogues.py): without
    them, run outside `make` (python -m bench.run in a fresh checkout), the Spanish pages would
    be measured with the site's own words in English."""
    compile_stale()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput", "-v0")


class Gunicorn:
    def __init__(self, env: dict, workers: int = 2, options: tuple[str, ...] = ()):
        self.port = free_port()
        self.env = env
        self.workers = workers
        self.options = options  # more gunicorn options, e.g. ("--preload",)
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "Gunicorn":
        self.start()
        return self.wait_until_healthy()

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "website.wsgi:application",
             "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers),
             "--worker-class", "sync", "--log-level", "warning", *self.options],
            cwd=ROOT, env=self.env,
        )  # fmt: skip

    def wait_until_healthy(self) -> "Gunicorn":
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("gunicorn did not answer /healthz within 60 s")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def worker_rss_mb(self) -> float:
        """The largest resident set of the worker processes, in MB."""
        rss = [process_memory_mb(pid)["rss"] for pid in self.worker_pids()]
        return max(rss) if rss else 0.0


def process_memory_mb(pid: int) -> dict[str, float]:
    """A process's resident set (RSS, what the target counts), its proportional share (PSS: pages
    shared with other processes, such as a preloading master's, split between them) and what is
    its own (USS: private pages, what ending it would give back), in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0])  # kB
    uss = fields["Private_Clean"] + fields["Private_Dirty"]
    return {
        "rss": round(fields["Rss"] / 1024, 1),
        "pss": round(fields["Pss"] / 1024, 1),
        "uss": round(uss / 1024, 1),
    }
