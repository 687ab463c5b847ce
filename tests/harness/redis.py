"""A redis-server of the test's own, for what the shared one must not suffer: being stopped.

`redis_server.pause()` stops the process (SIGSTOP): connections stay open and nothing answers,
as with a partitioned or overloaded host, so every call waits out its timeout. `resume()` lets
it answer again, with everything it held.
"""

import shutil
import signal
import subprocess
import time

import pytest
import redis

from .services import free_port, unavailable


class RedisServer:
    """A redis-server of the test's own on a free loopback port; `arguments` are its options
    (by default a cache that keeps nothing on disk), `folder` where it may write."""

    def __init__(self, arguments=("--save", "", "--appendonly", "no"), folder=None):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        argv = ["redis-server", *arguments, "--port", str(self.port), "--bind", "127.0.0.1"]
        if folder is not None:
            argv += ["--dir", str(folder)]
        self.process = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
        self.client = redis.Redis(port=self.port, socket_timeout=2)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                self.client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("redis-server did not answer")

    def pause(self) -> None:
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        self.resume()
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def redis_server():
    if not shutil.which("redis-server"):
        unavailable("redis-server is not installed (apt-get install redis-server)")
    server = RedisServer()
    yield server
    server.stop()
