"""Sections that other apps add to the home page ("Latest articles", "Patient handouts", …).

The home page does not import the blog or handouts apps: each app registers a Wagtail hook named
HOME_SECTIONS_HOOK in its wagtail_hooks.py, a function (home_page, request) -> HomeSection | None,
with `order=` placing it (articles 10, physicians 20, handouts 30). Wagtail imports every
wagtail_hooks.py on the first `get_hooks` call in a process, so a fresh web worker finds them all.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace

from wagtail import hooks
from wagtail.models import Page

from .site_memo import remember

HOME_SECTIONS_HOOK = "practice_home_sections"


@dataclass(frozen=True)
class HomeSection:
    key: str  # the heading's id: home-section-<key>
    heading: str
    template: str  # given `items`
    items: Iterable  # what to show; an empty section is left out


def sections_for(page, request) -> list[HomeSection]:
    filled = []
    for section_for in hooks.get_hooks(HOME_SECTIONS_HOOK):
        section = section_for(page, request)
        # Evaluated here, once: the template both tests and loops over the items.
        if section is not None and (items := list(section.items)):
            filled.append(replace(section, items=_with_parents(request, items)))
    return filled


def _with_parents(request, items: list) -> list:
    """A section links to its items' parent ("All articles"): kept per worker, like the pages a
    request's path goes through (a parent changes only on a publish or a move)."""
    for item in items:
        if isinstance(item, Page) and getattr(item, "_cached_parent_obj", None) is None:
            path = item.path[: -Page.steplen]
            parent = remember(request, f"page-at:{path}", lambda at=path: Page.objects.get(path=at))
            item._cached_parent_obj = parent  # treebeard's get_parent() returns it
    return items
