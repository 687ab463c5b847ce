import factory
import wagtail_factories

from patients.models import InsurancePlan, NewPatientsPage, QuestionsPage


class InsurancePlanFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Plan {n}")
    notes = ""

    class Meta:
        model = InsurancePlan
        django_get_or_create = ("name",)


class NewPatientsPageFactory(wagtail_factories.PageFactory):
    title = "New patients"
    slug = "new-patients"
    intro = "Before your first visit."
    what_to_bring = "<ul><li>Your insurance card.</li></ul>"
    arriving = "<p>Come 20 minutes early.</p>"
    first_visit = "<p>About an hour.</p>"
    referrals = "<p>HMO plans need one.</p>"

    class Meta:
        model = NewPatientsPage


class QuestionsPageFactory(wagtail_factories.PageFactory):
    title = "Questions patients ask"
    slug = "questions"
    faqs = factory.LazyFunction(
        lambda: [("faq", {"question": "Do I need a referral?", "answer": "<p>Maybe.</p>"})]
    )

    class Meta:
        model = QuestionsPage
