"""The cache a URL names (CACHE_URL): Redis in production, files by default, memory in tests;
and Wagtail's "renditions" cache over the same store. Used by base.py and test.py."""

import environ

env = environ.Env()


def cache_from_url(url: str) -> dict:
    if url.startswith(("redis://", "rediss://")):
        # Redis down makes the site slower, never broken (website/cache.py).
        timeout = env.float("CACHE_SOCKET_TIMEOUT", default=0.5)
        return {
            "BACKEND": "website.cache.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": timeout, "socket_timeout": timeout},
        }
    if url.startswith("locmem://"):
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if url.startswith("file://"):
        return {
            # Django's file cache without its zlib step (website/file_cache.py says why).
            "BACKEND": "website.file_cache.UncompressedFileCache",
            "LOCATION": url.removeprefix("file://"),
        }
    raise ValueError(f"CACHE_URL: unsupported scheme in {url.split('://')[0]!r}")


def rendition_cache(default: dict) -> dict:
    """Wagtail's "renditions" cache: the same store as `default`, without Wagtail 7.4 writing
    each rendition back on every page view (website/rendition_cache.py)."""
    return {
        **default,
        "BACKEND": "website.rendition_cache.RenditionCache",
        "WRAPS": default["BACKEND"],
    }
