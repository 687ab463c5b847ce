"""The file-system broker (website/file_broker.py): a worker that polls while a message is being
written finds nothing, never half a message (kombu's own transport let it read an empty file,
and the worker stopped with "Unrecoverable error: JSONDecodeError")."""

from queue import Empty

import pytest
from kombu import Connection
from kombu.utils.json import register_type

from website.celery import app
from website.file_broker import Transport


class PollsWhileEncoded:
    """A payload value whose encoding, the middle of writing the message, lets a worker poll."""

    poll = None

    def __init__(self, poll):
        self.poll = poll


register_type(PollsWhileEncoded, "polls-while-encoded", lambda value: value.poll(), lambda v: v)


@pytest.fixture
def options(tmp_path):
    folder = str(tmp_path)
    return {"data_folder_in": folder, "data_folder_out": folder, "control_folder": folder}


def test_a_worker_polling_while_a_message_is_written_finds_nothing_then_all_of_it(options):
    seen_while_writing = []
    with (
        Connection("filesystem://localhost/", transport_options=options) as sender,
        Connection("filesystem://localhost/", transport_options=options) as worker,
    ):

        def poll():
            try:
                seen_while_writing.append(worker.default_channel._get("appointments"))
            except Empty:
                seen_while_writing.append("nothing")
            except Exception as error:  # kombu's own transport: JSONDecodeError of an empty file
                seen_while_writing.append(repr(error))
            return "polled"

        sender.default_channel._put(
            "appointments", {"body": "request 7", "probe": PollsWhileEncoded(poll)}
        )
        try:
            received = worker.default_channel._get("appointments")
        except Empty:
            received = "lost"

    assert seen_while_writing == ["nothing"]
    assert received == {"body": "request 7", "probe": "polled"}
    with pytest.raises(Empty):
        Connection("filesystem://localhost/", transport_options=options).default_channel._get(
            "appointments"
        )


def test_the_celery_app_sends_filesystem_urls_through_it(options):
    """kombu resolves `filesystem://` through TRANSPORT_ALIASES, a module-level dict: if an
    upgrade stops reading it, this fails instead of the race coming back unseen."""
    with app.connection_for_write("filesystem://localhost/") as connection:
        connection.transport_options.update(options)
        assert isinstance(connection.transport, Transport)
