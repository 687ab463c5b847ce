"""Skipping Wagtail's view-restriction queries on a site that has no restricted pages.

Wagtail checks every page it serves for view restrictions (a password, signed-in users only,
some groups) on the page and its ancestors: two queries per page, and `.public()` on a listing
reads every restriction again. Most practices restrict nothing. Whether any restriction exists is
kept per worker (website/site_memo.py); saving or deleting one bumps the page-cache generation,
so the first restriction an editor adds applies from the next request on, and from then on every
check is Wagtail's own.
"""

from wagtail.models import PageViewRestriction

from .site_memo import remember_sitewide


def site_has_view_restrictions() -> bool:
    return remember_sitewide("any-view-restrictions", PageViewRestriction.objects.exists)


def public(queryset):
    """`queryset.public()`, without its extra query when nothing is restricted."""
    return queryset.public() if site_has_view_restrictions() else queryset


class ViewRestrictionsMixin:
    """For every page type: Wagtail's restriction lookup, or none at all when none exist."""

    def get_view_restrictions(self):
        if not site_has_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
