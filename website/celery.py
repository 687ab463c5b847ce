"""The Celery application. Tasks live in each app's tasks.py; an app that needs a periodic task
declares it there too, with `app.on_after_finalize` and `add_periodic_task`, so beat's schedule
is never a list kept apart from the code it runs."""

import os
from pathlib import Path

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")

app = Celery("website")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def create_broker_folders(sender, **kwargs):
    """The file-system broker needs its folders to exist before the first message."""
    for key in ("data_folder_in", "data_folder_out", "control_folder"):
        folder = sender.conf.broker_transport_options.get(key)
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
