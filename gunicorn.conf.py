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
