"""Search-engine files: /robots.txt (the sitemap itself is sitesearch/sitemap.py)."""

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.cache import cache_control


@cache_control(public=True, max_age=3600)
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.WAGTAILADMIN_PATH}",
        "Disallow: /search/",
        "Disallow: /documents/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
