"""The editor's side: the add and edit forms of every new page type open, with their tabs."""

import pytest
from django.utils.text import slugify

from tests.physicians.factories import PhysicianIndexPageFactory, PhysicianPageFactory

from .factories import ArticlePageFactory, BlogIndexPageFactory

pytestmark = pytest.mark.django_db


def test_edit_forms_open_with_their_tabs(admin_client, home_page):
    blog = BlogIndexPageFactory(parent=home_page)
    index = PhysicianIndexPageFactory(parent=home_page)
    physician = PhysicianPageFactory(parent=index)
    article = ArticlePageFactory(parent=blog, tags=["running"])
    expected_tabs = {
        article: ["Content", "Tags and related", "Medical review", "Promote"],
        physician: ["Profile", "Qualifications", "Biography", "Promote"],
        blog: ["Content", "Promote"],
        index: ["Content", "Promote"],
    }
    for page, tabs in expected_tabs.items():
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page
        html = response.content.decode()
        for tab in tabs:
            assert f'id="tab-label-{slugify(tab).replace("-", "_")}"' in html, (page, tab)


def test_add_forms_open_under_the_right_parents(admin_client, home_page):
    blog = BlogIndexPageFactory(parent=home_page)
    index = PhysicianIndexPageFactory(parent=home_page)
    assert admin_client.get(f"/admin/pages/add/blog/articlepage/{blog.pk}/").status_code == 200
    url = f"/admin/pages/add/physicians/physicianpage/{index.pk}/"
    assert admin_client.get(url).status_code == 200
    # Not under the home page: Wagtail refuses the wrong parent and sends the editor back.
    wrong = admin_client.get(f"/admin/pages/add/blog/articlepage/{home_page.pk}/")
    assert wrong.status_code == 302 and wrong.url == "/admin/"
