"""The demo's notices (notices/demo_content.py), each published with its effective date and
left "not reviewed by our compliance officer"; the language assistance notice carries the
taglines (notices/demo_taglines.py).

Safe to run again: each notice is made only when its slug is missing, so staff edits survive.
"""

from website.demo_pages import ensure_published_child
from website.models import HomePage

from .demo_content import EFFECTIVE, LANGUAGE_ASSISTANCE, NOTICES
from .demo_taglines import TAGLINES
from .models import LanguageTagline, NoticePage


def load(stdout) -> None:
    home = HomePage.objects.first()
    for notice in NOTICES:
        page = NoticePage(**notice, effective_date=EFFECTIVE)
        if notice is LANGUAGE_ASSISTANCE:
            page.taglines = [
                LanguageTagline(language=language, language_code=code, text=text)
                for language, code, text in TAGLINES
            ]
        ensure_published_child(
            home,
            NoticePage.objects.filter(slug=notice["slug"]),
            page,
            stdout,
            f"notice created: {notice['title']}",
        )
