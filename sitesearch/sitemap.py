"""/sitemap.xml: every live public page in every language, with lastmod and its translations.

Each page lists its language versions as `xhtml:link rel="alternate" hreflang` (itself included,
as Google asks) plus `x-default` (the English page), only when it has a live translation: a page
is never paired with another language's home page. Past `PublicSitemap.limit` pages (50,000, the
protocol's maximum) /sitemap.xml becomes a sitemap index of /sitemap-pages.xml?p=1, ?p=2, …
(Django's sitemap paginator), so robots.txt keeps one address whatever the site's size.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps.views import x_robots_tag
from django.db.models import Q
from django.http import Http404
from django.template.response import TemplateResponse
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

SECTION = "pages"


def public_address(url: str) -> str:
    """The page's address on SITE_URL, whatever host the Site record carries."""
    path = urlsplit(url)._replace(scheme="", netloc="").geturl()
    return f"{settings.SITE_URL}{path}"


class PublicSitemap(Sitemap):
    """Wagtail's sitemap with every address on the public SITE_URL and hreflang alternates."""

    def live_public_pages(self):
        """Every live public page under the site's root page and under its translations (the
        Spanish home page is the root of the /es/ pages)."""
        from wagtail.models import Page

        root = self.get_wagtail_site().root_page
        roots = [root, *root.get_translations().live()]
        under_a_root = Q()
        for each in roots:
            under_a_root |= Q(path__startswith=each.path)
        return Page.objects.filter(under_a_root).live().public()

    def items(self):
        return self.live_public_pages().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        versions = self.language_versions(pages)
        urls, last_mods = [], set()
        for item in pages:
            for url in item.get_sitemap_urls(self.request):
                url["location"] = public_address(url["location"])
                url["alternates"] = versions.get(item.translation_key, [])
                urls.append(url)
                last_mods.add(url.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def language_versions(self, pages) -> dict:
        """translation_key -> the alternates of every page with a live translation (one query
        for the whole sitemap page)."""
        from website.page_serving import locale_languages

        languages = locale_languages()
        found: dict = {}
        keys = {page.translation_key for page in pages}
        versions = self.live_public_pages().filter(translation_key__in=keys)
        for version in versions.order_by("locale_id").only("url_path", "translation_key"):
            url = version.get_url(self.request)
            language = languages.get(version.locale_id)
            if url and language:
                found.setdefault(version.translation_key, {})[language] = public_address(url)
        alternates = {}
        for key, by_language in found.items():
            if len(by_language) < 2:
                continue
            alternates[key] = [
                {"lang_code": code, "location": location} for code, location in by_language.items()
            ]
            if settings.LANGUAGE_CODE in by_language:
                alternates[key].append(
                    {"lang_code": "x-default", "location": by_language[settings.LANGUAGE_CODE]}
                )
        return alternates


def sitemap(request):
    """The sitemap itself while it fits one file, else the index of its pages."""
    sitemap = PublicSitemap(request)
    if sitemap.paginator.num_pages > 1:
        return sitemap_index(request, sitemap)
    return wagtail_sitemap(request, sitemaps={SECTION: sitemap})


def sitemap_page(request):
    """/sitemap-pages.xml?p=N: one page of a sitemap too long for one file."""
    return wagtail_sitemap(request, sitemaps={SECTION: PublicSitemap(request)}, section=SECTION)


@x_robots_tag
def sitemap_index(request, sitemap):
    if request.GET.get("p"):
        raise Http404("The index has no pages.")
    address = f"{settings.SITE_URL}/sitemap-{SECTION}.xml"
    entries = [
        {"location": f"{address}?p={number}", "last_mod": None}
        for number in sitemap.paginator.page_range
    ]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )
