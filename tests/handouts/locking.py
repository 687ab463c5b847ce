"""The handout PDF build lock held from outside the code under test."""

import threading
from contextlib import contextmanager

from django.db import connection

from handouts import pdf


@contextmanager
def lock_held_by_another_process(page_id: int):
    """The build lock held on a database connection of its own, as another web node or worker
    would hold it (PostgreSQL's advisory locks are re-entrant on one connection)."""
    taken, release = threading.Event(), threading.Event()

    def hold():
        try:
            with pdf.generation_lock(page_id):
                taken.set()
                release.wait(timeout=30)
        finally:
            connection.close()

    holder = threading.Thread(target=hold)
    holder.start()
    assert taken.wait(timeout=10)
    try:
        yield
    finally:
        release.set()
        holder.join(timeout=10)
