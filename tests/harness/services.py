"""What to do when a test needs a service (database, broker, browser) that is not there.

On a developer's laptop the test is skipped with the reason. In CI (CI=true) it fails instead:
CI installs and starts everything, so a missing service there is a broken build, not a skip.
"""

import os
import socket
from urllib.parse import urlsplit

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def unavailable(reason: str):
    if in_ci():
        pytest.fail(f"CI needs this, but: {reason}", pytrace=False)
    pytest.skip(reason)


def tcp_reachable(url: str, timeout: float = 1.0) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=timeout):
            return True
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
