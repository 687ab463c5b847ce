import factory
import wagtail_factories

from physicians.models import PhysicianEducation, PhysicianIndexPage, PhysicianPage


class PhysicianIndexPageFactory(wagtail_factories.PageFactory):
    title = "Physicians"
    slug = "physicians"
    intro = "Who will see you."

    class Meta:
        model = PhysicianIndexPage


class PhysicianPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Jane Q. Doe {n}")
    slug = factory.Sequence(lambda n: f"jane-doe-{n}")
    credentials = "M.D."
    short_name = "Dr. Doe"
    summary = "Treats neck and back pain without surgery."

    class Meta:
        model = PhysicianPage


def education(**fields) -> PhysicianEducation:
    return PhysicianEducation(**{"kind": "degree", "name": "Doctor of Medicine (M.D.)", **fields})
