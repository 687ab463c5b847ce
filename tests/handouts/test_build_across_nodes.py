"""The handout PDF build is safe when two nodes are asked for it at once: two gunicorn nodes with
media folders of their own and one bucket (a real S3-protocol server, tests/harness/s3.py) share
only the database and the bucket. Both requests wait on the build lock (website/locks.py: an
advisory lock on PostgreSQL, a file lock beside a SQLite database), one of them builds, and both
are served the same file."""

import threading
import time
import urllib.request

import pytest

from handouts import pdf
from tests.website.factories import build_site

from .factories import handout_site
from .locking import lock_held_by_another_process

pytestmark = pytest.mark.usefixtures("weasyprint")


def fetch(url: str, into: dict) -> None:
    with urllib.request.urlopen(url, timeout=120) as response:
        into[url] = (response.status, response.read())


def test_two_nodes_asked_at_once_build_the_pdf_once_and_both_serve_it(
    start_worker, start_gunicorn, s3_bucket, tmp_path
):
    # start_worker (none is started) stops the shared worker and empties the queue: the build
    # that publishing queues must not be taken by a worker, so that the requests meet a miss.
    del start_worker
    handout = handout_site(build_site(), slug="facet-program")
    name = pdf.pdf_name(handout)
    nodes = [
        start_gunicorn(MEDIA_ROOT=str(tmp_path / f"media-{node}"), **s3_bucket.env)
        for node in ("a", "b")
    ]
    answers: dict = {}
    requests = [
        threading.Thread(target=fetch, args=(f"{node.url}/handouts/facet-program/pdf/", answers))
        for node in nodes
    ]
    # Held as a third process would hold it, until both requests are waiting for it.
    with lock_held_by_another_process(handout.pk):
        for request in requests:
            request.start()
        time.sleep(2)
        assert answers == {}, "both requests wait for the build under way"
    for request in requests:
        request.join(timeout=120)

    assert sorted(status for status, _ in answers.values()) == [200, 200]
    bodies = {body for _, body in answers.values()}
    assert bodies == {s3_bucket.read(name)}, "both nodes serve the one file in the bucket"
    builds = [line for node in nodes for line in node.output().splitlines()
              if "handout PDF built" in line]  # fmt: skip
    assert len(builds) == 1, builds
    assert name in builds[0]
    assert list(tmp_path.rglob("*.pdf")) == [], "nothing on a node's own disk"
