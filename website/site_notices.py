"""Site-wide notices shown above every public page (the holiday-hours banner uses this slot).

An app registers a Wagtail hook named SITE_NOTICES_HOOK in its wagtail_hooks.py: a function that
takes the request and returns a SiteNotice or None. Notices show in the hooks' `order=`.
"""

from dataclasses import dataclass

from wagtail import hooks

SITE_NOTICES_HOOK = "practice_site_notices"


@dataclass(frozen=True)
class SiteNotice:
    label: str  # names the landmark region for screen readers
    message: str
    details: tuple[str, ...] = ()  # sentences after the message ("Closed Wednesday, …")
    link_url: str = ""
    link_text: str = ""


def notices_for(request) -> list[SiteNotice]:
    notices = (notice_for(request) for notice_for in hooks.get_hooks(SITE_NOTICES_HOOK))
    return [notice for notice in notices if notice is not None]
