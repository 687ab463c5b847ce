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
- Pages on the way. A page the path goes through (the blog, on the way to an article) is kept
  per worker like the site's root page, so only the page served is read.
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

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction

from .site_memo import remember, remember_sitewide


def site_has_view_restrictions() -> bool:
    # Adding or removing a restriction is a site-wide change (invalidation._shown_publicly).
    return remember_sitewide(
        "any-view-restrictions", PageViewRestriction.objects.exists, survives_page_changes=True
    )


def public(queryset):
    """`queryset.public()`, without its extra query when nothing is restricted."""
    return queryset.public() if site_has_view_restrictions() else queryset


@cache
def _only_child_type(page_class) -> type[Page] | None:
    """The one page type allowed below pages of this class, or None when there are several."""
    allowed = page_class.allowed_subpage_models()
    return allowed[0] if len(allowed) == 1 else None


def locale_languages() -> dict[int, str]:
    """Locale id -> language code ("en", "es"): a handful of rows, kept per worker."""
    return remember_sitewide(
        "locale-languages",
        lambda: dict(Locale.objects.values_list("pk", "language_code")),
        survives_page_changes=True,  # no page change adds or removes a language
    )


def live_translation(page, language: str):
    """The live page that translates `page` into `language`, as its own type, or None. Kept
    per worker: publishing or unpublishing either page changes the content version."""
    locale_id = next((pk for pk, code in locale_languages().items() if code == language), None)
    if locale_id is None:
        return None

    def find():
        found = page.get_translations().filter(locale_id=locale_id).live().first()
        return found.specific if found is not None else None

    return remember_sitewide(f"translation:{page.translation_key}:{language}", find)


def active_locale_id() -> int | None:
    """The Locale row of the language this request is in (LanguageFromPathMiddleware)."""
    language = translation.get_language()
    return next((pk for pk, code in locale_languages().items() if code == language), None)


def in_site_language(pages, site):
    """`pages` of `site` in the request's language. Each language has a home page of its own, a
    sibling of the site's root page (wagtail-localize): Wagtail's `in_site` finds English only."""
    return pages.descendant_of(site.root_page.localized, inclusive=True)


def in_active_language(page):
    """`page` in this request's language when it has a live translation, else `page` (a page
    chosen in a setting, which staff pick in English)."""
    if page is None or locale_languages().get(page.locale_id) == translation.get_language():
        return page
    return live_translation(page, translation.get_language()) or page


def _for_serving(page_class):
    """The page type's rows, with what it names in `serving_related` read in the same query
    and what it names in `serving_prefetch` in one query each."""
    rows = page_class._default_manager.order_by()
    if related := getattr(page_class, "serving_related", ()):
        rows = rows.select_related(*related)
    if prefetch := getattr(page_class, "serving_prefetch", ()):
        rows = rows.prefetch_related(*prefetch)
    if deferred := getattr(page_class, "serving_deferred", ()):
        rows = rows.defer(*deferred)
    return rows


def all_in_active_language(pages, prepare=None) -> list:
    """Linked pages (a physician's offices, a condition's treatments: links staff chose on the
    English page, which a translation copies as they are) each in the request's language where
    it has a live translation, else as they are, in the order of `pages` (a queryset).

    One query either way. In the language the links are chosen in, `pages` itself (read again
    with their translations only if one is in another language). In any other, the linked pages
    and their translations together (linked_with_translations), never the links and then
    their translations in a second query."""
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE:
        found = list(pages)
        if all(locale_languages().get(page.locale_id) == language for page in found):
            return found
    return _shown_in(active_locale_id(), list(linked_with_translations(pages, prepare)))


def linked_with_translations(pages, prepare=None):
    """The pages of the queryset `pages` and their live translations in the request's language,
    in `pages`' order: one query, which reads the links as subqueries. `prepare` adds what a
    listing shows (the photos) to it."""
    linked = pages.order_by()
    rows = pages.model._default_manager.filter(
        Q(pk__in=linked.values("pk")) | Q(locale_id=active_locale_id()),
        translation_key__in=linked.values("translation_key"),
    )
    if ordering := pages.query.order_by:
        rows = rows.order_by(*ordering)
    if prepare is not None:
        rows = prepare(rows)
    return public(rows.live())


def _shown_in(locale_id: int | None, rows: list) -> list:
    """From linked pages and their translations into `locale_id` (linked_with_translations),
    each linked page once, as its translation where there is one, in the place of the link."""
    translated = {page.translation_key: page for page in rows if page.locale_id == locale_id}
    linked_elsewhere = {page.translation_key for page in rows if page.locale_id != locale_id}
    shown, seen = [], set()
    for page in rows:
        key = page.translation_key
        if key in seen:
            continue
        if page.locale_id != locale_id:
            shown.append(translated.get(key, page))
        elif key in linked_elsewhere:
            continue  # the translation of a link: shown in that link's place
        else:
            shown.append(page)  # a link to a page in this very language
        seen.add(key)
    return shown


def original(page):
    """The page in the site's default language (the page itself when it is in it): where links
    to it from other pages are kept (see all_in_active_language)."""
    if locale_languages().get(page.locale_id) == settings.LANGUAGE_CODE:
        return page
    return live_translation(page, settings.LANGUAGE_CODE) or page


class PageServingMixin:
    # Foreign keys every view of the page follows (an article's author and their portrait),
    # read with the page itself: `select_related` names.
    serving_related: tuple[str, ...] = ()
    # Child rows every view lists (a physician's education): `prefetch_related` names.
    serving_prefetch: tuple[str, ...] = ()
    # Fields only the page's own parts show (a handout's exercises): not read while the worker
    # keeps those parts (website/page_fragments.py); the first of them asked for reads them all,
    # in one query.
    serving_deferred: tuple[str, ...] = ()

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        # Django reads a deferred field, when first asked for, with refresh_from_db(fields=[it]).
        if fields and set(fields) <= set(self.serving_deferred):
            deferred = self.get_deferred_fields()
            fields = [*fields, *(field for field in self.serving_deferred if field in deferred)]
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)

    @property
    def localized(self):
        """This page in the active language (Wagtail's own answer) without its one or two
        queries a request: the routing of every request starts here, from the site's root."""
        language = translation.get_language()
        if locale_languages().get(self.locale_id) == language:
            return self
        return live_translation(self, language) or self

    def page_language(self) -> str:
        return locale_languages().get(self.locale_id, settings.LANGUAGE_CODE)

    def get_view_restrictions(self):
        if not site_has_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def route(self, request, path_components):
        if self.page_language() != translation.get_language():
            # /es/… with no Spanish page there: Wagtail would serve the English one under a
            # Spanish address (and translate what the site writes around it). Not found.
            raise Http404
        if not path_components:
            return super().route(request, path_components)  # this very page: Wagtail's checks
        slug, rest = path_components[0], path_components[1:]
        if rest:
            # A page on the way (the blog, on the way to an article) is kept like the site's
            # root page: the same until a publish or a move, which change the content version.
            key = f"page-on-path:{self.pk}/{slug}"
            child = remember(request, key, lambda: self._child_with_slug(request, slug))
        else:
            child = self._child_with_slug(request, slug)
        child._cached_parent_obj = self  # as Wagtail does: the child's get_parent() is free
        return child.route(request, rest)

    def _child_with_slug(self, request, slug: str) -> Page:
        """The child page with this slug, as its specific type; Http404 when there is none."""
        if (only_type := _only_child_type(type(self))) is not None:
            try:
                return _for_serving(only_type).get(**self._child_filter(slug))
            except only_type.DoesNotExist:
                pass
        key = f"child-page:{self.pk}/{slug}"
        pk, content_type_id = remember(request, key, lambda: self._child_type(slug))
        page_class = ContentType.objects.get_for_id(content_type_id).model_class() or Page
        return _for_serving(page_class).get(pk=pk)

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
