from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from sitesearch.seo import robots_txt
from sitesearch.sitemap import sitemap, sitemap_page
from sitesearch.views import search

from .health import healthz
from .views import favicon, serve_rendition

handler400 = "website.views.bad_request"
handler500 = "website.views.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path(settings.WAGTAILADMIN_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("sitemap-pages.xml", sitemap_page, name="sitemap_page"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
]

if settings.SERVE_MEDIA:
    # Only image renditions live under MEDIA_URL that the public should reach; see README.
    urlpatterns.append(re_path(r"^media/(?P<path>images/.*)$", serve_rendition))

# Page feeds with a file extension (/holiday-hours/closures.ics), then Wagtail's page tree,
# which takes every other URL, so it comes last.
urlpatterns.append(path("", include("hours.urls")))
# Search and the page tree in each language: English at today's URLs, Spanish under /es/.
urlpatterns += i18n_patterns(
    path("search/", search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
