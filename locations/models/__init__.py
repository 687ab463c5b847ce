"""The practice's offices: one page per office under the locations page (/locations/)."""

from .contact import ContactPage
from .index import LocationIndexPage
from .office import LocationHours, LocationPage

__all__ = ["ContactPage", "LocationHours", "LocationIndexPage", "LocationPage"]
