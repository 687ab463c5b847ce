"""website/locks.py: one holder at a time across connections (an advisory lock on PostgreSQL, a
file lock beside a SQLite database), a waiter gives up on time, and a holder's error releases."""

import threading

import pytest
from django.db import connection

from website.locks import LockTimeout, exclusive

pytestmark = pytest.mark.django_db(transaction=True)


def in_another_connection(action) -> dict:
    """Runs `action()` in a thread of its own (its own database connection); returns what it
    returned or raised."""
    outcome = {}

    def run():
        try:
            outcome["value"] = action()
        except Exception as error:
            outcome["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=30)
    return outcome


def take(wait: float = 0.3) -> str:
    with exclusive("test-lock", 7, wait):
        return "taken"


def test_a_second_holder_waits_then_gives_up_and_takes_it_once_released():
    with exclusive("test-lock", 7, wait=1):
        outcome = in_another_connection(take)
        assert isinstance(outcome.get("error"), LockTimeout)
        # Another key, or another namespace, is another lock.
        assert in_another_connection(lambda: exclusive_value("test-lock", 8)) == {"value": "ok"}
        assert in_another_connection(lambda: exclusive_value("other", 7)) == {"value": "ok"}
    assert in_another_connection(take) == {"value": "taken"}


def exclusive_value(namespace: str, key: int) -> str:
    with exclusive(namespace, key, wait=0.3):
        return "ok"


def test_an_error_in_the_body_releases_the_lock():
    with pytest.raises(ZeroDivisionError), exclusive("test-lock", 7, wait=1):
        1 / 0  # noqa: B018
    assert in_another_connection(take) == {"value": "taken"}
