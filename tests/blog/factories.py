from datetime import date, timedelta

import factory
import wagtail_factories

from blog.models import ArticlePage, ArticleRelatedPage, BlogIndexPage


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    title = "Blog"
    slug = "blog"
    intro = "Articles from our physicians."

    class Meta:
        model = BlogIndexPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    date = factory.Sequence(lambda n: date(2025, 1, 1) + timedelta(days=n))
    staff_author = "Pat Lee, physical therapist"
    intro = "What this article is about."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Some advice.</p>")])

    class Meta:
        model = ArticlePage


def relate(article: ArticlePage, *pages) -> None:
    for position, page in enumerate(pages):
        ArticleRelatedPage.objects.create(article=article, page=page, sort_order=position)


def tag(article: ArticlePage, *names: str) -> ArticlePage:
    article.tags.add(*names)
    article.save()
    return article
