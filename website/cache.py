"""Django's Redis cache, made to degrade instead of fail when Redis is down.

Everything in the cache can be rebuilt: pages (website/page_cache.py), Wagtail's site root paths,
the appointment form's rate-limit counters. So while Redis cannot be reached, a read is a miss
and a write is dropped, and the site keeps answering (more slowly, without the form's rate limit;
its honeypot, time token and reCAPTCHA still apply) instead of showing an error page or losing a
patient's request. Connections give up after CACHE_SOCKET_TIMEOUT seconds, and after a failure the
worker does not try Redis again for RETRY_AFTER_SECONDS: a Redis host that does not answer at all
(a network partition) costs one request that wait, not every cache call of every request. One
warning a minute says it is happening. Nothing that must not be lost is kept here: what says the
content changed is in the database (website/invalidation.py).

Ours rather than django-redis's DJANGO_REDIS_IGNORE_EXCEPTIONS (not installed): that also turns
errors into misses, but tries Redis again on every call, each waiting out the timeout
(tests/website/test_cache_outage.py: after a failure, Redis is left alone for a few seconds).
"""

import logging
import time
from functools import wraps

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)
WARN_EVERY_SECONDS = 60
RETRY_AFTER_SECONDS = 5
_last_warning = [0.0]
_last_failure = [float("-inf")]


def _degrades_to(fallback):
    """Runs the cache call; while Redis is unreachable, returns fallback(*args) instead."""

    def decorate(method):
        @wraps(method)
        def call(self, *args, **kwargs):
            if time.monotonic() - _last_failure[0] < RETRY_AFTER_SECONDS:
                return fallback(*args, **kwargs)  # it just failed: do not wait on it again yet
            try:
                return method(self, *args, **kwargs)
            except UNAVAILABLE as error:
                _last_failure[0] = time.monotonic()
                _warn(error)
                return fallback(*args, **kwargs)

        return call

    return decorate


def _warn(error) -> None:
    now = time.monotonic()
    if now - _last_warning[0] >= WARN_EVERY_SECONDS:
        _last_warning[0] = now
        logger.warning("cache: Redis is unreachable (%s); serving without it", error)


def _missing_key(key, *args, **kwargs):
    raise ValueError(f"Key {key!r} not found (the cache is unreachable)")


class ResilientRedisCache(RedisCache):
    get = _degrades_to(lambda key, default=None, version=None: default)(RedisCache.get)
    get_many = _degrades_to(lambda *args, **kwargs: {})(RedisCache.get_many)
    has_key = _degrades_to(lambda *args, **kwargs: False)(RedisCache.has_key)
    add = _degrades_to(lambda *args, **kwargs: False)(RedisCache.add)
    set = _degrades_to(lambda *args, **kwargs: None)(RedisCache.set)
    set_many = _degrades_to(lambda data, *args, **kwargs: list(data))(RedisCache.set_many)
    touch = _degrades_to(lambda *args, **kwargs: False)(RedisCache.touch)
    delete = _degrades_to(lambda *args, **kwargs: False)(RedisCache.delete)
    delete_many = _degrades_to(lambda *args, **kwargs: None)(RedisCache.delete_many)
    clear = _degrades_to(lambda *args, **kwargs: None)(RedisCache.clear)
    # As for a key that is not there: the appointment form's rate limit then starts a new
    # window, whose write is dropped in turn.
    incr = _degrades_to(_missing_key)(RedisCache.incr)
