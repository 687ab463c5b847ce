"""Articles: where they live, what they show, and how each one ends."""

import re
from datetime import date

import pytest
import wagtail_factories
from django.core.exceptions import ValidationError
from wagtail.models import Page

from blog.blocks import ArticleBodyBlock
from blog.models import ArticlePage, BlogIndexPage
from tests.physicians.factories import PhysicianIndexPageFactory, PhysicianPageFactory
from tests.website.factories import StandardPageFactory, translate
from website import invalidation
from website.models import PracticeSettings

from .factories import ArticlePageFactory, BlogIndexPageFactory, relate, tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def blog(home_page):
    return BlogIndexPageFactory(parent=home_page)


@pytest.fixture
def physician(home_page):
    index = PhysicianIndexPageFactory(parent=home_page)
    return PhysicianPageFactory(
        parent=index, title="Thomas J. Weber, Jr.", slug="thomas-weber", short_name="Dr. Weber"
    )


def every_block(image) -> list:
    return [
        ("heading", {"text": "Causes of back pain", "level": "h2"}),
        ("paragraph", "<p>A paragraph of advice.</p>"),
        ("image", {"image": {"image": image, "alt_text": "A runner on a trail",
                             "decorative": False},
                   "caption": "Trail running is gentler on the back."}),
        ("quote", {"quote": "I can run again.", "attribution": "A patient"}),
        ("callout", {"heading": "Good to know", "text": "<p>Most back pain improves.</p>"}),
        ("call_to_action", {"heading": "Struggling with back pain?", "text": "Talk to us.",
                            "button_label": "Request an appointment", "page": None}),
        ("list", {"style": "bulleted", "items": [
            {"term": "Rest", "text": "Take short breaks."}, {"term": "", "text": "Stretch."}]}),
        ("numbered_sections", {"sections": [
            {"heading": "Facet joint dysfunction", "text": "<p>Inflamed joints.</p>"},
            {"heading": "Poor running form", "text": "<p>Slouching.</p>"}]}),
        ("care_card", {"urgency": "emergency", "heading": "Call 911 if you have:",
                       "text": "<ul><li>Loss of bladder control</li></ul>"}),
    ]  # fmt: skip


def test_page_tree_rules(home_page, blog):
    root = Page.get_first_root_node()
    assert not BlogIndexPage.can_create_at(root)
    assert not BlogIndexPage.can_create_at(home_page)  # one blog per site
    assert ArticlePage.can_create_at(blog)
    assert not ArticlePage.can_create_at(home_page)
    standard = StandardPageFactory(parent=home_page)
    assert not ArticlePage.can_create_at(standard)
    article = ArticlePageFactory(parent=blog)
    assert not ArticlePage.can_create_at(article)
    assert ArticlePage.allowed_subpage_models() == []


def test_article_renders_every_block_type(client, blog):
    image = wagtail_factories.ImageFactory()
    body = every_block(image)
    # A block added to the article body later must be added here too.
    assert {name for name, _ in body} == set(ArticleBodyBlock.base_blocks)
    article = ArticlePageFactory(parent=blog, body=body)
    html = client.get(article.url).content.decode()
    for expected in [
        "<h2>Causes of back pain</h2>",
        "<p>A paragraph of advice.</p>",
        'alt="A runner on a trail"',
        "<figcaption>Trail running is gentler on the back.</figcaption>",
        "<blockquote><p>I can run again.</p></blockquote>",
        "Good to know",
        "Struggling with back pain?",
        '<ul class="item-list">',
        "<li><strong>Rest:</strong> Take short breaks.</li>",
        "<li>Stretch.</li>",
        '<ol class="numbered-sections">',
        '<h3 class="numbered-sections__heading">Poor running form</h3>',
        "care-card--emergency",
        "Loss of bladder control",
        'href="tel:911"',
    ]:
        assert expected in html, expected
    # Body images are below the title: they load lazily, in modern formats, sized to the column.
    figure = html[html.index('<figure class="figure">') :]
    assert 'loading="lazy"' in figure.split("</figure>")[0]
    assert 'type="image/avif"' in figure and "sizes=" in figure


def test_article_shows_byline_review_and_reading_time(client, blog, physician):
    article = ArticlePageFactory(
        parent=blog,
        author=physician,
        staff_author="",
        date=date(2025, 3, 4),
        reviewed_by=physician,
        last_reviewed=date(2025, 3, 1),
        next_review_due=date(2026, 3, 1),
        body=[("paragraph", "<p>" + "word " * 450 + "</p>")],
    )
    assert article.reading_time == 3  # 450 words and the intro, at 200 words a minute
    html = client.get(article.url).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    assert "March 4, 2025 · By Dr. Thomas J. Weber, Jr. · 3 min read" in text
    assert (
        "Medically reviewed by Dr. Thomas J. Weber, Jr. · Last reviewed March 1, 2025 · "
        "Next review due March 1, 2026" in text
    )


def test_every_article_ends_with_the_author_and_an_appointment_button(client, home_page, blog):
    appointments = StandardPageFactory(parent=home_page, slug="appointments")
    PracticeSettings.objects.update(appointment_page=appointments)
    index = PhysicianIndexPageFactory(parent=home_page)
    author = PhysicianPageFactory(parent=index, short_name="Dr. Author", summary="Runs too.")
    article = ArticlePageFactory(parent=blog, author=author, staff_author="")
    html = client.get(article.url).content.decode()
    body_end = html.index("Some advice.")
    teaser = html.index("Meet Dr. Author")
    button = html.rindex(f'href="{appointments.url}">Request an appointment</a>')
    assert body_end < teaser < button < html.index("</main>")
    assert f'href="{author.url}">Read more' in html


def test_a_staff_article_introduces_the_reviewing_physician(client, blog, physician):
    article = ArticlePageFactory(parent=blog, reviewed_by=physician, last_reviewed=date(2025, 1, 2))
    html = client.get(article.url).content.decode()
    assert "By Pat Lee, physical therapist" in html
    assert "Meet Dr. Weber" in html


def test_author_is_a_physician_or_a_named_staff_member(blog, physician):
    with pytest.raises(ValidationError) as error:
        ArticlePageFactory(parent=blog, staff_author="")
    assert "author" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        ArticlePageFactory(parent=blog, author=physician, staff_author="Someone else")
    assert "staff_author" in error.value.message_dict


def test_hero_image_is_an_eager_responsive_picture(client, blog):
    article = ArticlePageFactory(
        parent=blog, hero_image=wagtail_factories.ImageFactory(), hero_image_alt="A runner"
    )
    html = client.get(article.url).content.decode()
    hero = html[html.index("<picture>") : html.index("</picture>")]
    assert 'alt="A runner"' in hero and 'fetchpriority="high"' in hero
    assert 'loading="lazy"' not in hero  # it is at the top of the page
    assert 'type="image/avif"' in hero and 'type="image/webp"' in hero and "sizes=" in hero


def test_tags_link_to_tag_pages_that_list_only_their_articles(client, blog):
    running = tag(ArticlePageFactory(parent=blog, title="Running with back pain"), "running")
    tag(ArticlePageFactory(parent=blog, title="Sleeping positions"), "sleep")
    html = client.get(running.url).content.decode()
    assert 'href="/blog/tags/running/">running</a>' in html
    tag_page = client.get("/blog/tags/running/").content.decode()
    assert "Articles about running" in tag_page
    assert "Running with back pain" in tag_page and "Sleeping positions" not in tag_page
    assert client.get("/blog/tags/no-such-tag/").status_code == 404


def test_related_reading_is_the_editors_choice_or_else_same_tag_articles(client, home_page, blog):
    handout = StandardPageFactory(parent=home_page, title="Home exercise program")
    article = tag(ArticlePageFactory(parent=blog, title="Main"), "running")
    same_tag = tag(ArticlePageFactory(parent=blog, title="Also about running"), "running")
    html = client.get(article.url).content.decode()
    assert "Related reading" in html and same_tag.title in html
    relate(article, handout)
    invalidation.bump()  # as publishing would: relate() writes the rows behind the signals' back
    html = client.get(article.url).content.decode()
    assert f'href="{handout.url}">Home exercise program</a>' in html
    assert same_tag.title not in html


def test_each_home_page_shows_the_latest_articles_in_its_own_language(client, home_page, blog):
    """A Spanish article is the newest, yet the English home page lists English articles and
    leads to the English blog, and the Spanish home page the other way round."""
    english = ArticlePageFactory(parent=blog, title="Walking after surgery", date=date(2025, 1, 1))
    translate(home_page)
    translate(blog, slug="blog")
    spanish = translate(english, title="Caminar después de la cirugía")
    spanish.date = date(2025, 6, 1)
    spanish.save_revision().publish()
    english_home, spanish_home = (
        client.get("/").content.decode(),
        client.get("/es/").content.decode(),
    )
    assert "Walking after surgery" in english_home and "Caminar" not in english_home
    assert 'href="/blog/"' in english_home and "/es/blog/" not in english_home
    assert "Caminar después de la cirugía" in spanish_home and "Walking after" not in spanish_home
    assert 'href="/es/blog/"' in spanish_home


def test_home_page_shows_the_latest_articles(client, blog):
    for n in range(4):
        ArticlePageFactory(parent=blog, title=f"Post {n}", date=date(2025, 1, n + 1))
    html = client.get("/").content.decode()
    assert "Latest articles" in html
    assert "Post 3" in html and "Post 1" in html and "Post 0" not in html
    assert html.index("Post 3") < html.index("Post 2")
