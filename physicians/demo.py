"""Demo physician: Dr. Thomas J. Weber, Jr., with only what the practice's material says about him
(seed 001: D.O. from the Kirksville College of Osteopathic Medicine; board certified and fellowship
trained in Anesthesiology and Pain Management). No photo, title or other details are invented.
"""

from website.demo_pages import ensure_published_child
from website.models import HomePage

from .models import PhysicianEducation, PhysicianIndexPage, PhysicianPage

INDEX = {
    "title": "Physicians",
    "slug": "physicians",
    "intro": "The physicians who will see you, and the training behind their care.",
    "show_in_menus": True,
}

WEBER = {
    "title": "Thomas J. Weber, Jr.",
    "slug": "thomas-weber",
    "credentials": "D.O.",
    "short_name": "Dr. Weber",
    "summary": "Board certified and fellowship trained in Anesthesiology and Pain Management.",
    "specialties": "Anesthesiology\nPain Management",
    "board_certifications": "Anesthesiology and Pain Management",
    "biography": (
        "<p>Dr. Thomas J. Weber, Jr. received his Doctor of Osteopathic Medicine (D.O.) from the "
        "Kirksville College of Osteopathic Medicine. He is board certified and fellowship trained "
        "in Anesthesiology and Pain Management.</p>"
    ),
}

WEBER_EDUCATION = [
    {
        "kind": "degree",
        "name": "Doctor of Osteopathic Medicine (D.O.)",
        "institution": "Kirksville College of Osteopathic Medicine",
    },
    {"kind": "fellowship", "name": "Anesthesiology and Pain Management", "institution": ""},
]


def load(stdout) -> None:
    home = HomePage.objects.first()
    if home is None:
        return
    index, _ = ensure_published_child(
        home,
        PhysicianIndexPage.objects.all(),
        PhysicianIndexPage(**INDEX),
        stdout,
        "physicians page created",
    )
    if not PhysicianPage.objects.filter(slug=WEBER["slug"]).exists():
        weber = PhysicianPage(
            **WEBER,
            education=[
                PhysicianEducation(sort_order=i, **e) for i, e in enumerate(WEBER_EDUCATION)
            ],
        )
        index.add_child(instance=weber)
        weber.save_revision().publish()
        stdout.write("  Dr. Weber's profile created")
