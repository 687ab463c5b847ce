"""Demo physician: Dr. Thomas J. Weber, Jr., with only what the practice's material says about him
(seed 001: D.O. from the Kirksville College of Osteopathic Medicine; board certified and fellowship
trained in Anesthesiology and Pain Management). No photo, title or other details are invented:
his portrait slot holds a neutral placeholder (a grey silhouette drawn here), with alt text
that says so, until the practice uploads his photo.
"""

from io import BytesIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale

from medical_review.sign_off import PHYSICIANS_GROUP
from website.demo_pages import ensure_published_child
from website.models import HomePage

from .models import PhysicianEducation, PhysicianIndexPage, PhysicianPage

PLACEHOLDER_TITLE = "Portrait placeholder"
PLACEHOLDER_ALT = "Portrait placeholder: a grey silhouette, no photo yet"

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

WEBER_USERNAME = "dr.weber"

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
            photo=placeholder_portrait(),
            photo_alt_text=PLACEHOLDER_ALT,
            education=[
                PhysicianEducation(sort_order=i, **e) for i, e in enumerate(WEBER_EDUCATION)
            ],
        )
        index.add_child(instance=weber)
        weber.save_revision().publish()
        stdout.write("  Dr. Weber's profile created")
    # The English page (the demo also translates it: translations/demo.py).
    weber = PhysicianPage.objects.get(slug=WEBER["slug"], locale=Locale.get_default())
    if weber.admin_account_id is None:
        # His own sign-in, in the Physicians group: he signs off clinical pages. No password:
        # an administrator sets one (manage.py changepassword dr.weber) when he is to use it.
        user = weber_account()
        weber = weber.get_latest_revision_as_object()
        weber.admin_account = user
        weber.save_revision().publish()
        stdout.write("  Dr. Weber's sign-in (dr.weber) created, in the Physicians group")


def weber_account():
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=WEBER_USERNAME,
        defaults={"first_name": "Thomas", "last_name": "Weber", "is_staff": False},
    )
    if created:
        user.set_unusable_password()
        user.save()
    user.groups.add(Group.objects.get(name=PHYSICIANS_GROUP))
    return user


def placeholder_portrait():
    """The neutral placeholder as a Wagtail image (found again by title: made once)."""
    image_model = get_image_model()
    found = image_model.objects.filter(title=PLACEHOLDER_TITLE).first()
    if found is not None:
        return found
    size = 640
    picture = Image.new("RGB", (size, size), "#e6ecf0")
    pen = ImageDraw.Draw(picture)
    pen.ellipse((220, 120, 420, 340), fill="#9aa7b3")  # head
    pen.ellipse((110, 380, 530, 800), fill="#9aa7b3")  # shoulders
    buffer = BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    file = ImageFile(BytesIO(buffer.getvalue()), name="portrait-placeholder.png")
    return image_model.objects.create(title=PLACEHOLDER_TITLE, file=file)
