"""The project package (the design called it `site/`; see README for why it is `website/`).

The Celery app (website/celery.py) is deliberately not imported here, unlike Celery's Django
guide: that would load Celery (about 4 MB) into every gunicorn worker, whose public pages never
send a task. Each tasks.py imports `website.celery` itself, so the configured app exists before
any task is sent; `celery -A website` finds `website.celery` on its own.
"""
