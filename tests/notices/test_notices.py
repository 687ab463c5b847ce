"""The notices: each a page with its effective date, all linked from every page's footer; the
language-assistance taglines each in its own language (lang, dir) with the phone number; the
admin marks a notice not yet approved by the compliance officer; the demo's four notices."""

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from wagtail.models import Page, Revision

from notices.models import COMPLIANCE_NOTE, LanguageTagline, NoticePage

from .factories import NoticePageFactory

pytestmark = pytest.mark.django_db

DEMO_NOTICES = {
    "/notice-of-privacy-practices/": "Notice of Privacy Practices",
    "/nondiscrimination/": "Nondiscrimination notice",
    "/language-assistance/": "Free language assistance",
    "/good-faith-estimate/": "Your right to a good faith estimate",
    "/accessibility/": "Accessibility statement",
}


def test_a_notice_shows_its_effective_date(client, home_page):
    NoticePageFactory(parent=home_page, slug="accessibility", title="Accessibility statement")
    html = client.get("/accessibility/").content.decode()
    assert 'Effective <time datetime="2027-01-01">January 1, 2027</time>' in html
    assert "The notice." in html


def test_every_page_links_each_live_notice_in_its_footer(client, home_page):
    NoticePageFactory(parent=home_page, slug="first", title="First notice")
    NoticePageFactory(parent=home_page, slug="second", title="Second notice")
    NoticePageFactory(parent=home_page, slug="draft", title="Draft notice", live=False)
    for path in ["/", "/first/", "/search/?q=x"]:
        html = client.get(path).content.decode()
        footer = html[html.index("<footer") :]
        assert '<nav class="site-footer__notices" aria-label="Notices">' in footer, path
        assert footer.index('<a href="/first/">First notice</a>') < footer.index(
            '<a href="/second/">Second notice</a>'
        )
        assert "Draft notice" not in footer


def test_taglines_are_marked_with_their_language_and_carry_the_phone(client, home_page):
    notice = NoticePageFactory(parent=home_page, slug="nondiscrimination")
    notice.taglines = [
        LanguageTagline(language="Español", language_code="es", text="Llame al {phone}."),
        LanguageTagline(language="العربية", language_code="ar", text="اتصل برقم {phone}."),
    ]
    notice.save_revision().publish()
    html = client.get("/nondiscrimination/").content.decode()
    phone = '<a href="tel:+13125550100" dir="ltr">(312) 555-0100</a>'
    assert '<li lang="es" dir="ltr">' in html and f"Llame al {phone}." in html
    assert '<li lang="ar" dir="rtl">' in html and f"اتصل برقم {phone}." in html


def test_the_admin_marks_notices_not_yet_reviewed(admin_client, home_page):
    waiting = NoticePageFactory(parent=home_page, title="Waiting notice")
    NoticePageFactory(parent=home_page, title="Approved notice", compliance_reviewed=True)
    html = admin_client.get(f"/admin/pages/{home_page.pk}/").content.decode()
    assert f"Waiting notice ({COMPLIANCE_NOTE})" in html
    assert f"Approved notice ({COMPLIANCE_NOTE})" not in html
    edit = admin_client.get(f"/admin/pages/{waiting.pk}/edit/").content.decode()
    assert COMPLIANCE_NOTE in edit and "not legal advice" in edit
    assert "Language taglines" in edit


def test_demo_has_the_four_notices_linked_from_the_footer(client, demo):
    html = client.get("/").content.decode()
    for path, title in DEMO_NOTICES.items():
        assert f'<a href="{path}">{title}</a>' in html, path
        assert client.get(path).status_code == 200
    assert all(not notice.compliance_reviewed for notice in NoticePage.objects.all())
    privacy = client.get("/privacy/").content.decode()
    assert 'href="/notice-of-privacy-practices/"' in privacy


def test_demo_taglines_cover_english_and_fifteen_languages_in_their_scripts(client, demo):
    taglines = LanguageTagline.objects.filter(page__slug="language-assistance")
    codes = [tagline.language_code for tagline in taglines]
    assert codes[0] == "en" and len(set(codes) - {"en"}) >= 15
    assert all("{phone}" in tagline.text for tagline in taglines)
    html = client.get("/language-assistance/").content.decode()
    for code, sample in [
        ("zh-Hant", "繁體中文"),
        ("ar", "العربية"),
        ("gu", "ગુજરાતી"),
        ("el", "Ελληνικά"),
    ]:
        assert f'lang="{code}"' in html and sample in html, code
    assert html.count("(312) 555-0142</a>") >= 16


def test_a_second_run_changes_nothing(demo):
    counts = Page.objects.count(), Revision.objects.count(), LanguageTagline.objects.count()
    call_command("load_demo", stdout=StringIO())
    assert (
        Page.objects.count(),
        Revision.objects.count(),
        LanguageTagline.objects.count(),
    ) == counts


def test_a_notice_published_later_joins_every_footer_at_once(client, home_page):
    assert "Notices" not in client.get("/").content.decode()
    NoticePageFactory(parent=home_page, slug="accessibility", title="Accessibility statement")
    assert (
        '<a href="/accessibility/">Accessibility statement</a>' in client.get("/").content.decode()
    )


@pytest.mark.parametrize("code", ["es", "zh-Hant", "pt-BR", "yue"])
def test_language_codes_are_checked(home_page, code):
    notice = NoticePageFactory(parent=home_page)
    LanguageTagline(page=notice, language="x", language_code=code, text="t").full_clean()
    bad = LanguageTagline(page=notice, language="x", language_code='es" onload="x', text="t")
    with pytest.raises(ValidationError):
        bad.full_clean()
