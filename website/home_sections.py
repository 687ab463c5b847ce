"""Sections that other apps add to the home page ("Latest articles", "Patient handouts", …).

The home page does not import the blog or handouts apps: each app registers a section from its
AppConfig.ready(), so the home page works (and shows nothing extra) before an app exists.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class HomeSection:
    key: str
    heading: str
    template: str
    # Given the home page and the request, returns the items to show (empty hides the section).
    items: Callable
    order: int = 100


_sections: dict[str, HomeSection] = {}


def register(section: HomeSection) -> None:
    _sections[section.key] = section


def sections_for(page, request) -> list[dict]:
    filled = []
    for section in sorted(_sections.values(), key=lambda s: s.order):
        items = list(section.items(page, request))
        if items:
            filled.append({"section": section, "items": items})
    return filled
