from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from website.home_sections import HOME_SECTIONS_HOOK, HomeSection

from .models import ArticlePage

HOME_ARTICLES = 3


@hooks.register(HOME_SECTIONS_HOOK, order=10)
def latest_articles(home_page, request) -> HomeSection:
    return HomeSection(
        key="latest-articles",
        heading=_("Latest articles"),
        template="blog/home_section.html",
        # The home page's own language: its "All articles" link is the first article's blog.
        items=ArticlePage.objects.for_listing().filter(locale_id=home_page.locale_id)[
            :HOME_ARTICLES
        ],
    )
