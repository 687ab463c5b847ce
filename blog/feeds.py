"""/blog/feed/: an RSS 2.0 feed of the newest articles (django.contrib.syndication)."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

from website.models import PracticeSettings

FEED_LENGTH = 20


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, blog):
        super().__init__()
        self.blog = blog

    def get_object(self, request, *args, **kwargs):
        # Feed calls the methods below with this object; the request is what builds the URLs.
        self.request = request
        return self.blog

    def title(self, blog):
        return f"{blog.title} | {PracticeSettings.for_request(self.request).name}"

    def link(self, blog):
        return blog.get_url(self.request)

    def feed_url(self, blog):
        return blog.get_url(self.request) + blog.reverse_subpage("feed")

    def description(self, blog):
        return blog.intro or blog.title

    def items(self, blog):
        return blog.articles().prefetch_related("tags")[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.intro

    def item_link(self, article):
        return article.get_url(self.request)

    def item_pubdate(self, article):
        # Articles carry a date; the feed wants a moment. Midnight in the practice's time zone.
        return timezone.make_aware(datetime.combine(article.date, time.min))

    def item_updateddate(self, article):
        return article.last_published_at

    def item_author_name(self, article):
        return article.author_name

    def item_categories(self, article):
        return [tag.name for tag in article.tags.all()]
