"""Builders for condition and treatment tests: the A-Z list and pages in it, with every section
filled in so a test can check each one is shown."""

import factory
import wagtail_factories

from conditions.models import ConditionIndexPage, ConditionPage, TreatmentPage


class ConditionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Conditions and treatments"
    slug = "conditions-treatments"
    intro = "What we treat and how."
    show_in_menus = True

    class Meta:
        model = ConditionIndexPage


class TreatmentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Treatment {n}")
    slug = factory.Sequence(lambda n: f"treatment-{n}")
    summary = "A treatment that helps."
    what_it_is = "<p>An injection into the joint.</p>"
    who_it_helps = "<p>People whose pain lasts.</p>"
    how_to_prepare = "<p>Bring a driver.</p>"
    on_the_day = "<p>Under X-ray guidance.</p>"
    recovery = "<p>Little downtime.</p>"
    risks = "<p>Soreness where the needle went in.</p>"
    cost_note = "<p>Most plans cover it.</p>"
    faqs = factory.LazyFunction(
        lambda: [
            ("faq", {"question": "Does it hurt?", "answer": "<p>A <b>little</b> sting.</p>"}),
            ("faq", {"question": "How long does it last?", "answer": "<p>Weeks to months.</p>"}),
        ]
    )
    area_low_back = True

    class Meta:
        model = TreatmentPage


class ConditionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Condition {n}")
    slug = factory.Sequence(lambda n: f"condition-{n}")
    summary = "An aching back."
    what_it_is = "<p>Small joints at the back of the spine.</p>"
    symptoms = factory.LazyFunction(
        lambda: [
            ("symptom", {"term": "Lower back pain", "text": "Usually on one side."}),
            ("symptom", {"term": "", "text": "Stiffness in the morning"}),
        ]
    )
    causes = factory.LazyFunction(
        lambda: [("cause", {"term": "Overuse", "text": "Too much too soon."})]
    )
    diagnosis = "<p>An examination and imaging.</p>"
    care_cards = factory.LazyFunction(
        lambda: [
            (
                "care_card",
                {"urgency": "emergency", "heading": "Seek help", "text": "<p>Numbness.</p>"},
            )
        ]
    )
    area_low_back = True

    class Meta:
        model = ConditionPage


def publish(page):
    """Publishes the page's current content (its links included) as the editor's Publish does."""
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)
