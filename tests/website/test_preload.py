"""gunicorn imports the application once, in the master, warms up what a first request would
import and freezes it before forking (gunicorn.conf.py, website/preload.py): the admin, pages
and image renditions still work in the forked workers."""

import re
import runpy
import subprocess
import sys
import textwrap
import urllib.error
import urllib.request

import wagtail_factories
from django.core.files.base import ContentFile

from tests.blog.factories import ArticlePageFactory, BlogIndexPageFactory
from tests.website.test_lazy_heif import heic_bytes
from website.settings.base import BASE_DIR


def test_gunicorn_conf_preloads_the_application():
    config = runpy.run_path(str(BASE_DIR / "gunicorn.conf.py"))
    assert config["preload_app"] is True
    assert callable(config["when_ready"])


def test_the_master_warms_up_and_freezes_before_forking():
    script = textwrap.dedent("""
        import gc, runpy, sys, types
        import django
        django.setup()
        config = runpy.run_path("gunicorn.conf.py")
        config["when_ready"](types.SimpleNamespace(cfg=types.SimpleNamespace(preload_app=True)))
        from wagtail import hooks
        print(gc.get_freeze_count() > 1000, hooks._searched_for_hooks,
              "wagtail.admin.urls" in sys.modules, "pillow_heif" in sys.modules)
    """)
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=BASE_DIR, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    # Frozen, hooks searched, admin URLs imported; HEIF still left for the first HEIF image.
    assert result.stdout.split("\n")[-2] == "True True True False"


def get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.status, response.read()


def test_a_preloaded_worker_serves_the_admin_and_makes_a_heic_rendition(
    start_gunicorn, home_page, media_in_tmp
):
    blog = BlogIndexPageFactory(parent=home_page)
    photo = wagtail_factories.ImageFactory(file=ContentFile(heic_bytes((64, 48)), name="p.heic"))
    article = ArticlePageFactory(parent=blog, hero_image=photo, hero_image_alt="A runner")
    server = start_gunicorn(MEDIA_ROOT=str(media_in_tmp))  # where the original was saved

    try:
        status, login = get(f"{server.url}/admin/login/")
        assert status == 200 and b'name="password"' in login
        status, html = get(server.url + article.url)
    except urllib.error.HTTPError as error:
        raise AssertionError(server.output()) from error
    hero = html.decode()[html.decode().index("<picture>") :]
    source = re.search(r'<img[^>]* src="([^"]+)"', hero).group(1)
    status, rendition = get(server.url + source)  # made by the worker, from the HEIC original
    assert status == 200 and rendition[:3] == b"\xff\xd8\xff"  # a JPEG
