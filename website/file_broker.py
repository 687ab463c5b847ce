"""kombu's file-system transport (the broker `make run` and the test suite use: no server), with
each message written whole before a worker can see it.

kombu 5.7's `Channel._put` creates `<time>_<uuid>.<queue>.msg`, then locks and writes it; its
`_get` moves the first such file away and reads it without taking the lock. A worker that polls
between the two finds an empty file, fails to decode it and stops ("Unrecoverable error:
JSONDecodeError"), and the message is lost with it (seen in the suite under load). Here the
message is written under a name no queue matches and renamed into place: a rename within one
folder is atomic, so a worker sees either nothing or the whole message.

`filesystem://` URLs get this transport once `website.celery` is imported (every tasks.py and
the worker import it), through kombu's TRANSPORT_ALIASES; tests/website/test_file_broker.py pins
both the race and the alias.
"""

import os
import uuid
from time import monotonic

from kombu.transport import filesystem
from kombu.utils.encoding import str_to_bytes
from kombu.utils.json import dumps


class Channel(filesystem.Channel):
    def _put(self, queue, payload, **kwargs):
        name = f"{round(monotonic() * 1000)}_{uuid.uuid4()}.{queue}.msg"
        body = str_to_bytes(dumps(payload))
        # A leading dot and no `.msg` ending: `_get` takes only `<name>.<queue>.msg`.
        partial = os.path.join(self.data_folder_out, f".{uuid.uuid4()}.partial")
        try:
            with open(partial, "wb") as file:
                file.write(body)
            os.replace(partial, os.path.join(self.data_folder_out, name))
        except OSError as exc:
            raise filesystem.ChannelError(f"Cannot add file {name!r} to directory") from exc


class Transport(filesystem.Transport):
    Channel = Channel
