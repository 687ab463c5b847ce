"""The project package (the design called it `site/`; see README for why it is `website/`)."""

from .celery import app as celery_app

__all__ = ["celery_app"]
