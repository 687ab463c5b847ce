"""Demo conditions and treatments (conditions/demo_content.py): the A-Z list in the main
navigation, "Facet joint pain" and "Facet joint injections" in full, linked to the facet joint
handout, the running article and Dr. Weber, who reviewed them; two more of each in outline.
The home page's cards for them are pointed at them.

Loaded after the physicians, blog and handouts demos (INSTALLED_APPS order). Safe to run again:
each page is made only when its slug is missing, and links are set only when a page is created,
so staff edits survive.
"""

from django.utils import timezone

from blog.demo_article import SLUG as ARTICLE_SLUG
from blog.models import ArticlePage
from handouts.demo_content import CONDITION as HANDOUT_CONDITION
from handouts.models import Condition
from medical_review.models import DEFAULT_REVIEW_INTERVAL
from physicians.models import PhysicianPage
from website.demo_pages import ensure_published_child
from website.models import HomePage

from . import demo_content as seed
from .models import ConditionIndexPage, ConditionPage, TreatmentPage


def load(stdout) -> None:
    index, _ = ensure_published_child(
        HomePage.objects.first(),
        ConditionIndexPage.objects.all(),
        ConditionIndexPage(**seed.INDEX),
        stdout,
        "conditions and treatments list created",
    )
    weber = PhysicianPage.objects.filter(slug="thomas-weber").first()
    injections = TreatmentPage(
        **_fields(seed.FACET_JOINT_INJECTIONS, "faqs"),
        faqs=[
            ("faq", {"question": q, "answer": a}) for q, a in seed.FACET_JOINT_INJECTIONS["faqs"]
        ],
        **_review(weber),
    )
    _add(index, injections, [weber], stdout)
    for outline in seed.OUTLINE_TREATMENTS:
        _add(index, TreatmentPage(**outline), [weber], stdout)

    facet = ConditionPage(
        **_fields(seed.FACET_JOINT_PAIN, "symptoms", "causes"),
        symptoms=[("symptom", _item(*row)) for row in seed.FACET_JOINT_PAIN["symptoms"]],
        causes=[("cause", _item(*row)) for row in seed.FACET_JOINT_PAIN["causes"]],
        care_cards=[("care_card", card) for card in seed.FACET_CARE_CARDS],
        handout_condition=Condition.objects.filter(
            name=HANDOUT_CONDITION, condition_page=None
        ).first(),
        **_review(weber),
    )
    facet.treatments = TreatmentPage.objects.filter(slug__in=seed.FACET_TREATMENTS)
    facet.related_articles = ArticlePage.objects.filter(slug=ARTICLE_SLUG)
    _add(index, facet, [weber], stdout)
    for outline in seed.OUTLINE_CONDITIONS:
        condition = ConditionPage(**_fields(outline, "treatments"))
        condition.treatments = TreatmentPage.objects.filter(slug__in=outline["treatments"])
        _add(index, condition, [weber], stdout)
    _link_home_cards(stdout)


def _fields(row: dict, *skipped: str) -> dict:
    return {key: value for key, value in row.items() if key not in skipped}


def _item(term: str, text: str) -> dict:
    return {"term": term, "text": text}


def _review(physician) -> dict:
    if physician is None:
        return {}
    today = timezone.localdate()
    return {
        "reviewed_by": physician,
        "last_reviewed": today,
        "next_review_due": today + DEFAULT_REVIEW_INTERVAL,
    }


def _add(index, page, physicians, stdout) -> None:
    if type(page).objects.filter(slug=page.slug).exists():
        return
    page.physicians = [p for p in physicians if p is not None]
    index.add_child(instance=page)
    page.save_revision().publish()
    stdout.write(f"  {page.kind.lower()} created: {page.title}")


def _link_home_cards(stdout) -> None:
    """Point the home page's cards for these pages at them; a card staff linked is left as is."""
    home = HomePage.objects.first()
    pages = {p.slug: p for p in ConditionIndexPage.objects.first().get_children().live()}
    changed = False
    for block in home.services:
        target = pages.get(seed.HOME_CARDS.get(block.value["title"], ""))
        if target is not None and block.value["page"] is None:
            block.value["page"] = target
            changed = True
    if changed:
        home.save_revision().publish()
        stdout.write("  home page cards linked to conditions and treatments")
