"""The default cache (CACHE_URL=file://…): Django's file cache without zlib. Each path that
reaches into FileBasedCache's internals is exercised, so a Django upgrade that changes them fails
here rather than on a live site."""

import time

import pytest
from django.core.cache.backends.filebased import FileBasedCache

from website.file_cache import UncompressedFileCache
from website.settings.caches import cache_from_url

BODY = b"<main>facet</main>" * 500
PAGE = {"status": 200, "headers": {"Content-Type": "text/html"}, "body": BODY}


@pytest.fixture
def file_cache(tmp_path):
    return UncompressedFileCache(str(tmp_path / "cache"), {})


def test_the_default_cache_url_builds_this_backend(tmp_path):
    settings = cache_from_url(f"file://{tmp_path}")
    assert settings["BACKEND"] == "website.file_cache.UncompressedFileCache"
    assert settings["LOCATION"] == str(tmp_path)


def test_a_page_is_stored_as_a_plain_pickle_and_read_back(file_cache, tmp_path):
    file_cache.set("page", PAGE, 60)
    assert file_cache.get("page") == PAGE
    (stored,) = (tmp_path / "cache").iterdir()
    assert stored.suffix == ".plain"
    assert BODY in stored.read_bytes()  # not deflated


def test_a_missing_or_expired_entry_is_the_default(file_cache):
    assert file_cache.get("absent", "default") == "default"
    file_cache.set("brief", PAGE, 1)
    time.sleep(1.1)
    assert file_cache.get("brief", "default") == "default"
    assert not file_cache.has_key("brief")


def test_touch_keeps_the_value_and_moves_the_expiry(file_cache):
    file_cache.set("page", PAGE, 1)
    assert file_cache.touch("page", 60)
    time.sleep(1.1)
    assert file_cache.get("page") == PAGE
    assert not file_cache.touch("absent", 60)


def test_touch_to_no_expiry_leaves_no_stale_tail(file_cache, tmp_path):
    """No expiry pickles shorter than a timestamp: the rewritten file must not keep old bytes."""
    file_cache.set("kept", PAGE, 60)
    assert file_cache.touch("kept", None)
    file_cache.set("fresh", PAGE, None)
    sizes = {path.stat().st_size for path in (tmp_path / "cache").iterdir()}
    assert len(sizes) == 1
    assert file_cache.get("kept") == PAGE


def test_files_written_by_djangos_own_backend_are_not_read_as_plain(tmp_path):
    folder = str(tmp_path / "cache")
    FileBasedCache(folder, {}).set("page", PAGE, 60)
    assert UncompressedFileCache(folder, {}).get("page", "miss") == "miss"


def test_delete_and_clear(file_cache):
    file_cache.set("one", PAGE, 60)
    file_cache.set("two", PAGE, 60)
    assert file_cache.delete("one")
    assert file_cache.get("one") is None
    file_cache.clear()
    assert file_cache.get("two") is None
