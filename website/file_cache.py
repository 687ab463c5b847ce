"""Django's file cache without zlib: the cache a single-server site keeps its pages in
(CACHE_URL=file://…, the default).

Django's FileBasedCache compresses every value. A cached page is 10 to 30 KB of HTML, and
inflating it was the largest cost of serving it from the cache (about 40% of the page cache's
time per hit, more than reading the file), while the disk it saves is a few megabytes. Values are
pickled as Django does, with the same expiry header; only the zlib step is gone.

This reaches into FileBasedCache's internals (`_key_to_file`, `_is_expired`, `_write_content`);
tests/website/test_file_cache.py exercises each path so a Django upgrade that changes them fails.
"""

import pickle

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks


class UncompressedFileCache(FileBasedCache):
    # Not Django's ".djcache": a file it wrote compressed is never read back as a plain pickle
    # (such files, left from before, are ignored; deleting the folder reclaims them).
    cache_suffix = ".plain"

    def get(self, key, default=None, version=None):
        fname = self._key_to_file(key, version)
        try:
            with open(fname, "rb") as f:
                if not self._is_expired(f):
                    return pickle.load(f)  # noqa: S301 -- our own cache folder, as in Django
        except FileNotFoundError:
            pass
        return default

    def _write_content(self, file, timeout, value):
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            with open(self._key_to_file(key, version), "r+b") as f:
                try:
                    locks.lock(f, locks.LOCK_EX)
                    if self._is_expired(f):
                        return False
                    value = pickle.load(f)  # noqa: S301 -- our own cache folder
                    f.seek(0)
                    f.truncate()
                    self._write_content(f, timeout, value)
                    return True
                finally:
                    locks.unlock(f)
        except FileNotFoundError:
            return False
