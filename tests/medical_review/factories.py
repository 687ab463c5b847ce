"""Reviewed pages for these tests are articles: the first page type to use the mixin."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from tests.blog.factories import ArticlePageFactory, BlogIndexPageFactory
from tests.physicians.factories import PhysicianIndexPageFactory, PhysicianPageFactory


def reviewed_article(blog, reviewer, due_in_days: int | None, **fields):
    """An article whose next review is `due_in_days` from today (negative: overdue)."""
    today = timezone.localdate()
    if due_in_days is None:
        return ArticlePageFactory(parent=blog, **fields)
    return ArticlePageFactory(
        parent=blog,
        reviewed_by=reviewer,
        last_reviewed=today - timedelta(days=400),
        next_review_due=today + timedelta(days=due_in_days),
        **fields,
    )


def clinic_pages(home_page):
    """A blog and a reviewing physician."""
    blog = BlogIndexPageFactory(parent=home_page)
    index = PhysicianIndexPageFactory(parent=home_page)
    return blog, PhysicianPageFactory(parent=index, short_name="Dr. Reviewer")


def editor(django_user_model, email="editor@example.com", username=None, **fields):
    user = django_user_model.objects.create_user(
        username=username or email.split("@")[0], email=email, password="not-used", **fields
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user
