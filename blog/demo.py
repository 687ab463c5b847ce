"""Demo blog: the index at /blog/ and the seed article "Running with Back Pain", written and
medically reviewed by Dr. Weber (the physicians demo, loaded before this one, creates him)."""

from django.utils import timezone

from medical_review.models import DEFAULT_REVIEW_INTERVAL
from physicians.models import PhysicianPage
from website.demo_pages import ensure_published_child
from website.models import HomePage

from . import demo_article
from .models import ArticlePage, BlogIndexPage

INDEX = {
    "title": "Blog",
    "slug": "blog",
    "intro": "Articles from our physicians about back and neck pain, and how to get back to "
    "what you enjoy.",
    "show_in_menus": True,
}


def load(stdout) -> None:
    home = HomePage.objects.first()
    if home is None:
        return
    blog, _ = ensure_published_child(
        home, BlogIndexPage.objects.all(), BlogIndexPage(**INDEX), stdout, "blog created"
    )
    if ArticlePage.objects.filter(slug=demo_article.SLUG).exists():
        return
    weber = PhysicianPage.objects.filter(slug="thomas-weber").first()
    today = timezone.localdate()
    article = ArticlePage(
        title=demo_article.TITLE,
        slug=demo_article.SLUG,
        date=today,
        author=weber,
        staff_author="" if weber else "Our clinical team",
        intro=demo_article.INTRO,
        body=demo_article.BODY,
        search_description=demo_article.SEARCH_DESCRIPTION,
        reviewed_by=weber,
        last_reviewed=today if weber else None,
        next_review_due=today + DEFAULT_REVIEW_INTERVAL if weber else None,
    )
    blog.add_child(instance=article)
    article.tags.add(*demo_article.TAGS)
    article.save_revision().publish()
    stdout.write("  article 'Running with Back Pain' created")
