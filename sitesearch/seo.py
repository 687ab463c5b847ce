"""Search-engine files: /robots.txt and /sitemap.xml (every public page, with lastmod)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap


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


class PublicSitemap(Sitemap):
    """Wagtail's sitemap (every live public page, with lastmod), with every address on the
    public SITE_URL, whatever host name the Site record in the database carries."""

    def items(self):
        """Every live public page under the site's root page and under its translations (the
        Spanish home page is the root of the /es/ pages)."""
        from django.db.models import Q
        from wagtail.models import Page

        root = self.get_wagtail_site().root_page
        roots = [root, *root.get_translations().live()]
        under_a_root = Q()
        for each in roots:
            under_a_root |= Q(path__startswith=each.path)
        return (
            Page.objects.filter(under_a_root)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            path = urlsplit(url["location"])._replace(scheme="", netloc="").geturl()
            url["location"] = f"{settings.SITE_URL}{path}"
        return urls


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": PublicSitemap})
