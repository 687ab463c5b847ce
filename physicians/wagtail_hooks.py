from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from website.home_sections import HOME_SECTIONS_HOOK, HomeSection
from website.page_serving import public

from .models import PhysicianPage

HOME_PHYSICIANS = 3


@hooks.register(HOME_SECTIONS_HOOK, order=20)
def physicians_for_home(home_page, request) -> HomeSection:
    physicians = public(PhysicianPage.objects.live().filter(locale_id=home_page.locale_id))
    physicians = physicians.with_photos().order_by("path")
    return HomeSection(
        key="physicians",
        heading=_("Meet our physicians"),
        template="physicians/home_section.html",
        items=physicians[:HOME_PHYSICIANS],
    )
