"""The blog: an index at /blog/ (with tag pages and a feed) and one page per article."""

import math

from django.core.exceptions import ValidationError
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from medical_review.models import MedicalReviewMixin
from website.page_cache import accept_query
from website.page_forms import PracticePageForm
from website.page_serving import PageServingMixin, all_in_active_language, original, public

from .blocks import ArticleBodyBlock
from .structured_data import article_nodes, blog_node

ARTICLES_PER_PAGE = 10
# What a link to a page needs (its title and URL), for lists that show nothing else.
PAGE_LINK_FIELDS = ("title", "url_path", "path", "depth", "locale_id", "live")
LINK_FIELDS = (*PAGE_LINK_FIELDS, "date", "first_published_at")
WORDS_PER_MINUTE = 200


class ArticleQuerySet(PageQuerySet):
    def for_listing(self):
        """Everything an article card shows, in a fixed number of queries however many cards."""
        return (
            public(self.live())
            .select_related("author", "hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("-date", "-first_published_at", "-pk")
        )


class BlogIndexPage(RoutablePageMixin, PageServingMixin, Page):
    """/blog/: articles newest first, ten to a page; /blog/tags/<tag>/ and /blog/feed/."""

    intro = models.TextField(blank=True, max_length=500, help_text="A sentence above the articles.")

    parent_page_types = ["website.HomePage"]
    subpage_types = ["blog.ArticlePage"]
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("blog")

    def articles(self):
        return ArticlePage.objects.child_of(self).for_listing()

    def paginate(self, request, articles):
        """A page number that is not a number gives the first page, one past the end the last.
        Only a real page number, written as the page links write it, is cached (?page=2)."""
        wanted = request.GET.get("page")
        paginator = Paginator(articles, ARTICLES_PER_PAGE)
        if not wanted:
            # The first page always exists, empty or not: its articles and the count behind its
            # page links are read only when the list is built, not while its content is kept
            # (website/page_fragments.py), where a count would read every article at each view.
            return PaginatorPage(articles[:ARTICLES_PER_PAGE], 1, paginator)
        page = paginator.get_page(wanted)
        if wanted == str(page.number):
            accept_query(request, "page")
        return page

    @path("")
    def all_articles(self, request):
        return self.render(
            request, context_overrides={"articles": self.paginate(request, self.articles())}
        )

    @path("tags/<slug:tag>/")
    def tagged_articles(self, request, tag):
        tag = Tag.objects.filter(slug=tag).first()
        if tag is None:
            raise Http404("No such tag")
        articles = self.articles().filter(tagged_items__tag=tag)
        return self.render(
            request,
            context_overrides={"articles": self.paginate(request, articles), "tag": tag},
        )

    @path("feed/")
    def feed(self, request):
        from .feeds import ArticleFeed

        return ArticleFeed(self)(request)

    def structured_data(self, request) -> list[dict]:
        return [blog_node(self, request)]

    def get_cached_paths(self) -> list[str]:
        """What a CDN purge of the blog covers (Wagtail's frontend cache): the list, the feed and
        each tag's list (the Varnish configuration purges each with its ?page=N too)."""
        tags = Tag.objects.filter(blog_articletag_items__content_object__path__startswith=self.path)
        slugs = tags.order_by("slug").values_list("slug", flat=True).distinct()
        return ["/", "/feed/", *(f"/tags/{slug}/" for slug in slugs)]


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "blog.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(MedicalReviewMixin, PageServingMixin, Page):
    date = models.DateField(
        "publication date", default=timezone.localdate, help_text="Shown on the article."
    )
    author = models.ForeignKey(
        "physicians.PhysicianPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text="The physician who wrote it. Leave empty if a staff member wrote it.",
    )
    staff_author = models.CharField(
        "staff author",
        max_length=120,
        blank=True,
        help_text="Only when no physician wrote it: the writer's name and role, "
        "e.g. 'Jane Doe, physical therapist'.",
    )
    intro = models.TextField(
        max_length=500, help_text="One or two sentences: shown under the title and in listings."
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. A wide picture (at least 1600 pixels) shown under the title.",
    )
    hero_image_alt = models.CharField(
        "image description",
        max_length=200,
        blank=True,
        help_text="What the picture shows, for people who cannot see it. "
        "Leave empty only if the picture is decoration.",
    )
    body = StreamField(ArticleBodyBlock())
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    reading_time = models.PositiveSmallIntegerField(
        default=1, editable=False, help_text="Minutes, worked out from the text when saved."
    )

    objects = PageManager.from_queryset(ArticleQuerySet)()
    physician_fields = ("author",)
    # The author with the page; the reviewer (most often the author) then costs nothing more
    # (MedicalReviewMixin.load_physicians). Reading both with the page costs more than it saves.
    serving_related = ("author__photo",)

    parent_page_types = ["blog.BlogIndexPage"]
    base_form_class = PracticePageForm
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        MultiFieldPanel([FieldPanel("author"), FieldPanel("staff_author")], heading="Author"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading="Picture"
        ),
        FieldPanel("body"),
    ]
    related_panels = [
        FieldPanel("tags", help_text="Topics patients look for, e.g. running, back pain."),
        InlinePanel(
            "related_pages",
            heading="Related articles and handouts",
            label="Related page",
            help_text="Shown at the end of the article. If empty, articles with the same "
            "tags are shown.",
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(related_panels, heading="Tags and related"),
            ObjectList(MedicalReviewMixin.review_panels, heading="Medical review"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("article")

    def clean(self):
        super().clean()
        if not self.author_id and not self.staff_author.strip():
            raise ValidationError(
                {"author": "Choose the physician who wrote it, or type the staff author's name."}
            )
        if self.author_id and self.staff_author.strip():
            raise ValidationError(
                {"staff_author": "Leave this empty when a physician is chosen as the author."}
            )

    def save(self, *args, **kwargs):
        self.reading_time = reading_minutes(self)
        return super().save(*args, **kwargs)

    @property
    def author_name(self) -> str:
        return self.author.doctor_name if self.author else self.staff_author

    @property
    def ends_with_call_to_action(self) -> bool:
        """The body's last block asks for an appointment: the closing then leaves out its own
        button, so the article never ends with two calls in a row."""
        return bool(self.body) and self.body[-1].block_type == "call_to_action"

    @property
    def teaser_physician(self):
        """Who 'Meet Dr. …' at the end introduces: the author, or else the reviewing physician."""
        for physician in [self.author, self.reviewed_by]:
            if physician is not None and physician.live:
                return physician
        return None

    def get_context(self, request, *args, **kwargs):
        self.load_physicians()
        context = super().get_context(request, *args, **kwargs)
        context["blog"] = self.get_parent().specific
        return context

    @cached_property
    def topic_tags(self) -> list[Tag]:
        """The article's tags, read once for the tag list, the JSON-LD and the related reading."""
        return list(self.tags.all())

    @cached_property
    def about_conditions(self) -> list[Page]:
        """The condition pages that list this article. The link is chosen on the condition page
        (conditions/models.py) and shown on both; only what a link needs is read."""
        if self.pk is None:
            return []
        # Condition pages choose the English article; a translation shows them in its language.
        english = original(self)
        pages = english.condition_pages.live().filter(locale_id=english.locale_id)
        pages = public(pages).order_by("title").only(*PAGE_LINK_FIELDS, "translation_key")
        if english.pk == self.pk:
            return list(pages)
        fields = (*PAGE_LINK_FIELDS, "translation_key")
        linked = all_in_active_language(pages, lambda found: found.only(*fields))
        return sorted(linked, key=lambda page: page.title.casefold())

    def related(self, limit: int = 3) -> list[Page]:
        """Related reading: the pages editors chose, else live articles sharing a tag. Only a
        link is shown for each, so only what a link needs is read (no specific pages)."""
        links = self.related_pages.select_related("page").only(
            "page_id", "sort_order", *(f"page__{name}" for name in PAGE_LINK_FIELDS)
        )
        chosen = [link.page for link in links if link.page.live]
        if chosen or not self.topic_tags:
            return chosen
        return list(
            public(ArticlePage.objects.live())
            .filter(
                locale_id=self.locale_id, tagged_items__tag__in=[tag.pk for tag in self.topic_tags]
            )
            .exclude(pk=self.pk)
            .distinct()
            .order_by("-date", "-first_published_at", "-pk")
            .only(*LINK_FIELDS)[:limit]
        )

    def structured_data(self, request) -> list[dict]:
        return article_nodes(self, request)

    def cache_dependents(self) -> set[int]:
        """The pages besides its ancestors, translations and the pages linking to it that show
        this article, so publishing it drops only theirs (website/invalidation.py): articles
        sharing a tag (their related reading) and the condition pages that list it."""
        # As being saved: a manager of the tags to commit, or the names given to the constructor.
        tags = self.tags.all() if hasattr(self.tags, "all") else self.tags
        names = [getattr(tag, "name", tag) for tag in tags]
        sharing = ArticlePage.objects.filter(tagged_items__tag__name__in=names).values_list("pk")
        conditions = self.condition_pages.values_list("pk", flat=True)
        return {pk for (pk,) in sharing} | set(conditions)


class ArticleRelatedPage(Orderable):
    """A page linked at the end of an article: another article, a handout, any page."""

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("page")]


def reading_minutes(article) -> int:
    """Minutes to read the intro and body at WORDS_PER_MINUTE, never less than one."""
    words = len(article.intro.split())
    for child in article.body:
        for text in child.block.get_searchable_content(child.value):
            words += len(str(text).split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
