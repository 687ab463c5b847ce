"""gunicorn's settings for the site (docker-compose and the Dockerfile pass `--config
gunicorn.conf.py`; gunicorn also reads this file by itself when started from this folder).
Where to listen, how many workers and whether to write an access log stay on the command line.
"""

# Query strings never reach the logs: staff searches carry patient names (website/log_privacy.py).
logger_class = "website.gunicorn_logging.PrivateAccessLogger"
# The address our front server saw (X-Forwarded-For, which it overwrites), then the connection's
# own address (the front server's, or whoever reached gunicorn directly), then the request.
access_log_format = (
    '%({x-forwarded-for}i)s via %(h)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'
)

# A sync worker that has not finished its request after `timeout` seconds is killed. The inbox's
# CSV and Excel exports of every request stream for longer than gunicorn's default 30 s at volume
# (100,000 requests: 30 to 40 s in `make bench-volume`), so they would be cut off mid-file.
timeout = 120

# Memory (issue 20; `python -m bench.memory`, README "Worker memory"). The application is
# imported once, in the master, and each worker is forked from it: what the import built is
# shared copy-on-write instead of built again in every worker (about 30 MB less of each worker's
# own memory, USS; its RSS counts shared pages too). The master holds no connection to share:
# the database, cache and broker are reached lazily, in the workers. A deploy restarts the
# container, so new code starts a new master; a HUP alone would fork workers from the old code.
preload_app = True


def when_ready(server):
    """In the master, after the preloaded import, before the first worker is forked: what each
    worker's first request would import, imported once and frozen (website/preload.py)."""
    if server.cfg.preload_app:
        from website.preload import warm_up_and_freeze

        warm_up_and_freeze()
