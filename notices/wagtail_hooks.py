from wagtail import hooks

from website.site_pages import SITE_PAGES_HOOK

from .models import NoticePage


@hooks.register(SITE_PAGES_HOOK)
def notice_pages():
    # Every page's footer links the notices in the request's language, wherever they are.
    return NoticePage, "locale"
