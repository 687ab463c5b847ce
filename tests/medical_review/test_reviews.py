"""Which pages are due for a medical review, the dashboard panel, and who hears about it."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from blog.models import ArticlePage
from medical_review.reviews import editor_emails, pages_due_for_review, review_models
from physicians.models import PhysicianPage

from .factories import clinic_pages, editor, reviewed_article

pytestmark = pytest.mark.django_db


def test_page_types_with_a_medical_review_are_discovered():
    found = review_models()
    assert ArticlePage in found
    assert PhysicianPage not in found


def test_overdue_due_soon_and_never_reviewed_pages_are_listed(home_page):
    blog, reviewer = clinic_pages(home_page)
    reviewed_article(blog, reviewer, -3, title="Overdue page")
    reviewed_article(blog, reviewer, 30, title="Due in a month")
    reviewed_article(blog, reviewer, None, title="Never reviewed")
    reviewed_article(blog, reviewer, 31, title="Due later")
    reviewed_article(blog, reviewer, -90, title="Overdue draft", live=False)

    due = pages_due_for_review()
    assert [(r.title, r.status) for r in due] == [
        ("Overdue page", "overdue"),
        ("Never reviewed", "not reviewed"),
        ("Due in a month", "due soon"),
    ]
    overdue = due[0]
    assert overdue.admin_url == f"http://testserver/admin/pages/{overdue.page.pk}/edit/"


def test_dashboard_panel_lists_an_overdue_page_with_its_edit_link(admin_client, home_page):
    blog, reviewer = clinic_pages(home_page)
    page = reviewed_article(blog, reviewer, -10, title="Running with Back Pain")
    reviewed_article(blog, reviewer, 200, title="Recently reviewed")
    html = admin_client.get("/admin/").content.decode()
    assert "Medical reviews due" in html
    assert f'<a href="/admin/pages/{page.pk}/edit/">Running with Back Pain</a>' in html
    due = timezone.localdate() - timedelta(days=10)
    assert f'<time datetime="{due.isoformat()}">' in html
    assert "Recently reviewed" not in html


def test_dashboard_panel_says_so_when_nothing_is_due(admin_client, home_page):
    blog, reviewer = clinic_pages(home_page)
    reviewed_article(blog, reviewer, 200)
    html = admin_client.get("/admin/").content.decode()
    assert "Every published clinical page has a current medical review." in html


def test_review_needs_a_physician_and_a_date_and_defaults_the_next_one(home_page):
    blog, reviewer = clinic_pages(home_page)
    with pytest.raises(ValidationError) as error:
        reviewed_article(blog, None, None, reviewed_by=reviewer)
    assert "last_reviewed" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        reviewed_article(blog, None, None, last_reviewed=date(2025, 1, 1))
    assert "reviewed_by" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        reviewed_article(
            blog, None, None, reviewed_by=reviewer, last_reviewed=date(2025, 1, 1),
            next_review_due=date(2024, 12, 1),
        )  # fmt: skip
    assert "next_review_due" in error.value.message_dict
    page = reviewed_article(blog, None, None, reviewed_by=reviewer, last_reviewed=date(2025, 1, 1))
    assert page.next_review_due == date(2026, 1, 1)


def test_editors_group_gets_the_reminder_or_else_superusers(django_user_model):
    django_user_model.objects.create_superuser("boss", "boss@example.com", "not-used-here")
    assert editor_emails() == ["boss@example.com"]
    editor(django_user_model, "ed@example.com")
    editor(django_user_model, "gone@example.com", is_active=False)
    editor(django_user_model, "", username="no-email")
    assert editor_emails() == ["ed@example.com"]
