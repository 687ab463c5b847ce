"""Wagtail's "renditions" cache (settings: CACHES["renditions"], `rendition_cache` in
website/settings/base.py). Its own module: the Redis client is imported only when the cache is
Redis (website/cache.py), never by a worker using the file cache."""

from django.utils.module_loading import import_string


class RenditionCache:
    """Wagtail's "renditions" cache: the default cache, written only when a rendition is new.

    Wagtail 7.4 writes every rendition it read from the cache back to it, on every page view
    that shows an image (`AbstractImage.get_renditions` skips renditions marked `_from_cache`,
    but only marks those it prefetched; `get_rendition` never skips): six cache writes for a
    physician's portrait, each a file rename with the file cache. Fixed upstream in
    wagtail/wagtail#14541 (merged as c1c39fe, August 2026); this goes when that release is in.

    A rendition is marked before it is pickled, so it comes back from the cache marked and is
    not written again (settings: `rendition_cache` in website/settings/base.py).
    """

    def __init__(self, location, params):
        params = dict(params)
        self._cache = import_string(params.pop("WRAPS"))(location, params)

    def __getattr__(self, name):
        return getattr(self._cache, name)

    def set(self, key, value, *args, **kwargs):
        if getattr(value, "_from_cache", False):
            return None
        value._from_cache = True
        return self._cache.set(key, value, *args, **kwargs)

    def set_many(self, data, *args, **kwargs):
        new = {key: value for key, value in data.items() if not getattr(value, "_from_cache", 0)}
        for value in new.values():
            value._from_cache = True
        return self._cache.set_many(new, *args, **kwargs) if new else []
