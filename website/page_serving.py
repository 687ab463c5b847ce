"""Finding and checking the page to serve, with fewer queries than Wagtail's defaults.

Every page type inherits PageServingMixin, placed right before `Page` in its bases (after
RoutablePageMixin, whose own routes must still come first). Behaviour is Wagtail's; only the
queries change:

- Routing. Wagtail reads each page on the path twice (the plain page, then its specific type).
  A page whose children can only be of one type (a blog holds articles) reads the child in that
  type at once. Otherwise the child's id and type come from the worker's memory (a slug or a place
  changes only on publish or move, which change the content version) and the page is read once.
  A child of a type no longer allowed there (moved in before the rule) is still found, the slower
  way.
- View restrictions. Wagtail checks every page it serves for restrictions (a password, signed-in
  users, some groups) on it and its ancestors: two queries, and `.public()` on a listing reads
  every restriction again. Most practices restrict nothing. Whether any restriction exists is kept
  per worker (website/site_memo.py); saving or deleting one changes the content version, so the
  first restriction an editor adds applies from the next request on, and from then on every check
  is Wagtail's own.

The contract with Wagtail (7.4) and treebeard, beyond their documented API. Each point is pinned by
a test in tests/website/test_page_serving_contract.py that fails on an upgrade that changes it:

- Wagtail finds a page by calling `route(request, path_components)` on the site's root page (as
  its specific type), each page handing the rest of the path to its child; we override `route`.
- treebeard's `get_parent()` returns `_cached_parent_obj` when set, without a query; we set it on
  the child we route to, as Wagtail's own `Page.route` does.
- Wagtail's check before serving a page (the `on_serve_page` hook `check_view_restrictions`) reads
  the page's restrictions through `page.get_view_restrictions()`; we override that.
- `Site.find_for_request` keeps its answer in `request._wagtail_site` (SiteLookupMiddleware in
  website/site_memo.py puts the site it keeps there).
"""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.models import Page, PageViewRestriction

from .site_memo import remember, remember_sitewide


def site_has_view_restrictions() -> bool:
    return remember_sitewide("any-view-restrictions", PageViewRestriction.objects.exists)


def public(queryset):
    """`queryset.public()`, without its extra query when nothing is restricted."""
    return queryset.public() if site_has_view_restrictions() else queryset


@cache
def _only_child_type(page_class) -> type[Page] | None:
    """The one page type allowed below pages of this class, or None when there are several."""
    allowed = page_class.allowed_subpage_models()
    return allowed[0] if len(allowed) == 1 else None


class PageServingMixin:
    def get_view_restrictions(self):
        if not site_has_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)  # this very page: Wagtail's checks
        child = self._child_with_slug(request, path_components[0])
        child._cached_parent_obj = self  # as Wagtail does: the child's get_parent() is free
        return child.route(request, path_components[1:])

    def _child_with_slug(self, request, slug: str) -> Page:
        """The child page with this slug, as its specific type; Http404 when there is none."""
        if (only_type := _only_child_type(type(self))) is not None:
            try:
                return only_type.objects.order_by().get(**self._child_filter(slug))
            except only_type.DoesNotExist:
                pass
        key = f"child-page:{self.pk}/{slug}"
        pk, content_type_id = remember(request, key, lambda: self._child_type(slug))
        page_class = ContentType.objects.get_for_id(content_type_id).model_class() or Page
        return page_class._default_manager.get(pk=pk)

    def _child_filter(self, slug: str) -> dict:
        """As Wagtail's get_children(), without its ordering (one row at most)."""
        return {"path__startswith": self.path, "depth": self.depth + 1, "slug": slug}

    def _child_type(self, slug: str) -> tuple[int, int]:
        """(id, content type) of the child with this slug. Kept per worker: a page's slug and
        place change only when it is published or moved, and both change the content version."""
        try:
            return (
                Page.objects.order_by()
                .values_list("pk", "content_type_id")
                .get(**self._child_filter(slug))
            )
        except Page.DoesNotExist as missing:
            raise Http404 from missing
