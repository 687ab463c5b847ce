"""The medical review applies to each language's page separately."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail_localize.models import TranslationSource

from medical_review.reviews import pages_due_for_review
from tests.website.factories import translate

from .factories import clinic_pages, reviewed_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_article(home_page):
    blog, reviewer = clinic_pages(home_page)
    translate(home_page, title="Inicio")
    translate(blog, title="Blog")
    return reviewed_article(blog, reviewer, due_in_days=200, title="Running with back pain")


def test_a_new_translation_does_not_carry_the_english_review(english_article):
    spanish = translate(english_article, title="Correr con dolor de espalda")
    assert english_article.reviewed_by is not None
    assert (spanish.reviewed_by, spanish.last_reviewed, spanish.next_review_due) == (
        None,
        None,
        None,
    )


def test_syncing_keeps_the_translations_own_review(english_article):
    spanish = translate(english_article, title="Correr con dolor de espalda")
    spanish.reviewed_by = english_article.reviewed_by
    spanish.last_reviewed = timezone.localdate()
    spanish.next_review_due = timezone.localdate() + timedelta(days=365)
    spanish.save_revision().publish()
    english_article.next_review_due = timezone.localdate() + timedelta(days=3)
    english_article.save_revision().publish()

    source = TranslationSource.objects.get_for_instance(english_article)
    source.update_from_db()
    source.create_or_update_translation(spanish.locale, fallback=True)
    spanish.refresh_from_db()
    assert spanish.next_review_due == timezone.localdate() + timedelta(days=365)


def test_an_unreviewed_translation_is_due_on_its_own(english_article):
    spanish = translate(english_article, title="Correr con dolor de espalda")
    due = {review.page.pk: review.title for review in pages_due_for_review()}
    assert due[spanish.pk] == "Correr con dolor de espalda (Español)"
    assert english_article.pk not in due  # reviewed, next due in 200 days
