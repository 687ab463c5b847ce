"""Builders for handout tests: conditions, the handouts list, and handouts whose exercises have
every field filled in (pictures and a video included), so a test can check each one is shown."""

from itertools import count

import factory
import wagtail_factories

from handouts.models import Condition, HandoutIndexPage, HandoutPage


class ConditionFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Condition {n}")

    class Meta:
        model = Condition
        django_get_or_create = ("name",)


class HandoutIndexPageFactory(wagtail_factories.PageFactory):
    title = "Patient handouts"
    slug = "handouts"
    intro = "Exercise programs to follow at home."
    show_in_menus = True

    class Meta:
        model = HandoutIndexPage


_colours = count(1)


def picture():
    """A new image with its own pixels and file hash. Wagtail caches renditions under the
    image's id and file hash; ids come round again after a test rolls back, so without a hash of
    its own an image would be handed another test's cached rendition, whose file lives in that
    test's MEDIA_ROOT."""
    colour = f"#{next(_colours) * 2654435 % 0xFFFFFF:06x}"
    image = wagtail_factories.ImageFactory(file__color=colour)
    image.get_file_hash()  # computes and saves it
    return image


def exercise(number: int, image=None, **fields) -> dict:
    """One exercise with every field set; values carry the number so each is told apart."""
    value = {
        "name": f"Glute Bridge {number}",
        "starting_position": f"Lying on your back, position {number}",
        "equipment": f"Exercise mat {number}",
        "steps": [
            f"Bend both knees for exercise {number}.",
            f"Lift your hips for exercise {number}.",
            f"Lower slowly for exercise {number}.",
        ],
        "sets": f"{number}\u2013{number + 1}",
        "reps": f"{number + 4} each leg",
        "hold": f"{number * 5} sec",
        "frequency": f"{number}\u00d7 daily",
        "tip": f"Keep breathing during exercise {number}.",
        "images": [
            {
                "image": image,
                "alt_text": f"Exercise {number}: lying on the back, hips lifted",
                "caption": f"The top of exercise {number}",
            }
        ]
        if image
        else [],
        "video": {
            "url": f"https://video.example.com/exercise-{number}",
            "text_alternative": f"A physical therapist shows exercise {number} from the side.",
        },
    }
    value.update(fields)
    return value


CARE_CARDS = [
    {
        "urgency": "call_us",
        "heading": "Call the clinic if you have",
        "text": "<ul><li>Pain that steadily worsens.</li></ul>",
    },
    {
        "urgency": "urgent",
        "heading": "Get help today if you have",
        "text": "<ul><li>New weakness in the leg.</li></ul>",
    },
    {
        "urgency": "emergency",
        "heading": "Seek emergency care if you have",
        "text": "<ul><li>Loss of bladder or bowel control.</li></ul>",
    },
]

CITATIONS = [
    {
        "title": "Lumbosacral Facet Syndrome",
        "publisher": "StatPearls, NCBI Bookshelf",
        "url": "https://www.ncbi.nlm.nih.gov/books/NBK441906/",
    },
    {"title": "A study without a publisher", "publisher": "", "url": "https://example.org/study"},
]


class HandoutPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Home program {n}")
    slug = factory.Sequence(lambda n: f"home-program-{n}")
    summary = "Gentle exercises for a sore back."
    introduction = "<p>This program uses <b>gentle flexion</b>.</p>"
    frequency = "Once or twice daily."
    pacing = "Mild stretch is fine; sharp pain is not."
    warm_up = "A few minutes of easy walking."
    breathing = "Breathe normally."
    exercises = factory.LazyFunction(lambda: [("exercise", exercise(n)) for n in (1, 2, 3)])
    precautions = factory.LazyFunction(
        lambda: [("precaution", "Heavy lifting."), ("precaution", "Long periods of standing.")]
    )
    care_cards = factory.LazyFunction(lambda: [("care_card", card) for card in CARE_CARDS])
    citations = factory.LazyFunction(lambda: [("citation", c) for c in CITATIONS])

    class Meta:
        model = HandoutPage
        skip_postgeneration_save = True

    @factory.post_generation
    def conditions(page, create, extracted, **kwargs):
        """HandoutPageFactory(conditions=[...]); by default one condition, 'Back pain'."""
        page.conditions = (
            extracted if extracted is not None else [ConditionFactory(name="Back pain")]
        )
        page.save()


def handout_site(home_page, **fields) -> HandoutPage:
    """The handouts list under the home page and one handout in it, published as a revision."""
    index = HandoutIndexPageFactory(parent=home_page)
    return publish(HandoutPageFactory(parent=index, **fields))


def publish(page) -> HandoutPage:
    """Publishes the page's current content as a new revision, as the editor's Publish does."""
    page.save_revision().publish()
    return HandoutPage.objects.get(pk=page.pk)
