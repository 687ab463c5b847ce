"""The Celery application. Tasks live in each app's tasks.py; an app that needs a periodic task
declares it there too, with `app.on_after_finalize` and `add_periodic_task`, so beat's schedule
is never a list kept apart from the code it runs."""

from pathlib import Path

from celery import Celery
from kombu.transport import TRANSPORT_ALIASES

from website.environment import load_environment

# The worker and beat both start here (`celery -A website`): .env first, so its
# DJANGO_SETTINGS_MODULE chooses the settings, and before Celery() looks for it to set up Django.
load_environment()
# `filesystem://` gets a transport that writes each message whole (website/file_broker.py); named
# by path, so a process on Redis never imports it.
TRANSPORT_ALIASES["filesystem"] = "website.file_broker:Transport"

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
