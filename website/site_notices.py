"""Site-wide notices shown above every public page (the holiday-hours banner uses this slot).

An app registers a provider: a function that takes the request and returns a SiteNotice or None.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class SiteNotice:
    label: str  # names the landmark region for screen readers
    message: str
    link_url: str = ""
    link_text: str = ""


_providers: list[Callable] = []


def register(provider: Callable) -> None:
    if provider not in _providers:
        _providers.append(provider)


def notices_for(request) -> list[SiteNotice]:
    return [notice for provider in _providers if (notice := provider(request))]
