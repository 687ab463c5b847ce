"""Wagtail keeps renditions in the "renditions" cache; a page view that finds one there must not
write it back (Wagtail 7.4 did, six file renames for one portrait: website/rendition_cache.py)."""

import pytest
from wagtail.images import get_image_model

from tests.handouts.factories import picture

pytestmark = pytest.mark.django_db
SPECS = ("fill-20x20|format-webp", "fill-40x40|format-jpeg")


@pytest.fixture
def file_caches(settings, tmp_path, media_in_tmp):
    """The production shape without Redis: the file cache, renditions through ours."""
    default = {
        "BACKEND": "website.file_cache.UncompressedFileCache",
        "LOCATION": str(tmp_path / "cache"),
    }
    settings.CACHES = {"default": default, "renditions": settings.CACHES["renditions"] | default}
    settings.CACHES["renditions"]["BACKEND"] = "website.rendition_cache.RenditionCache"
    settings.CACHES["renditions"]["WRAPS"] = default["BACKEND"]
    return tmp_path / "cache"


def cache_files(folder) -> dict:
    """Each cache file with its inode and modification time: a write replaces the file."""
    return {path.name: (path.stat().st_ino, path.stat().st_mtime_ns) for path in folder.iterdir()}


def test_a_rendition_read_from_the_cache_is_not_written_again(file_caches):
    image_id = picture().pk
    get_image_model().objects.get(pk=image_id).get_renditions(*SPECS)  # made and cached
    written = cache_files(file_caches)
    assert len(written) == len(SPECS)

    # Later page views: a fresh image each time, as each request reads its own.
    for _ in range(2):
        renditions = get_image_model().objects.get(pk=image_id).get_renditions(*SPECS)
        assert set(renditions) == set(SPECS)
        single = get_image_model().objects.get(pk=image_id).get_rendition(SPECS[0])
        assert single.file.name == renditions[SPECS[0]].file.name
    assert cache_files(file_caches) == written


def test_a_new_rendition_is_still_cached(file_caches, django_assert_num_queries):
    image = picture()
    made = image.get_rendition(SPECS[0])
    fresh = get_image_model().objects.get(pk=image.pk)
    with django_assert_num_queries(0):  # found in the cache, not the database
        assert fresh.get_rendition(SPECS[0]).file.name == made.file.name
