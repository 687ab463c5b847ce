"""The pages of a practice group: offices, physicians, articles and handouts, each added under
its list page (the demo's) with treebeard's add_child, so every path, depth and child count is
what Wagtail itself would write. Pages are live without a revision (an editor's first save
makes one): publishing 2,400 revisions would only slow the load down."""

import random
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from blog.models import ArticlePage, BlogIndexPage
from handouts.demo import exercise_value
from handouts.demo_content import EXERCISES
from handouts.models import Condition, HandoutIndexPage, HandoutPage
from locations.models import LocationHours, LocationIndexPage, LocationPage
from physicians.models import PhysicianIndexPage, PhysicianPage

from . import people, seeded

BATCH = 100  # pages per transaction
TOWNS = [
    "Aurora",
    "Naperville",
    "Joliet",
    "Elgin",
    "Waukegan",
    "Evanston",
    "Schaumburg",
    "Skokie",
    "Wheaton",
    "Downers-Grove",
    "Orland-Park",
    "Tinley-Park",
    "Oak-Lawn",
    "Berwyn",
    "Cicero",
    "Palatine",
    "Lombard",
    "Bolingbrook",
    "Des-Plaines",
    "Arlington-Heights",
    "Hoffman-Estates",
    "Glenview",
    "Carol-Stream",
    "Oak-Park",
]
SPECIALTIES = ["Pain Management", "Anesthesiology", "Physical Medicine and Rehabilitation"]
TOPICS = [
    "back pain", "neck pain", "sciatica", "facet joint pain", "knee pain", "shoulder pain",
    "hip pain", "arthritis", "running", "posture", "sleep", "desk work", "lifting", "injections",
    "nerve blocks", "physical therapy", "stretching", "core strength", "headaches", "gardening",
]  # fmt: skip
ANGLES = [
    "What to expect", "Five myths", "When to see a doctor", "A guide for beginners",
    "Questions patients ask", "What the research says", "Small changes that help",
]  # fmt: skip
CONDITIONS = [
    "Low back pain", "Neck pain", "Sciatica", "Knee osteoarthritis", "Shoulder impingement",
    "Hip bursitis", "Spinal stenosis", "Herniated disc", "Whiplash", "Plantar fasciitis",
    "Tennis elbow", "Piriformis syndrome", "Sacroiliac joint pain", "Posture strain",
]  # fmt: skip


def english(model):
    return model.objects.filter(locale=Locale.get_default())


def _parent(model):
    parent = english(model).first()
    if parent is None:
        raise RuntimeError(f"No {model._meta.verbose_name} page: run `manage.py load_demo` first.")
    return parent


def _add(parent, pages, stdout, label: str) -> list:
    """Adds the pages under `parent`, BATCH to a transaction."""
    added = []
    for start in range(0, len(pages), BATCH):
        with transaction.atomic():
            for page in pages[start : start + BATCH]:
                parent.add_child(instance=page)
                added.append(page)
        stdout.write(f"  {label}: {len(added):,} of {len(pages):,}")
    return added


def _published(page, day):
    page.first_published_at = page.last_published_at = timezone.make_aware(
        datetime.combine(day, time(12))
    )
    return page


def offices(total: int, seed: int, stdout) -> list[LocationPage]:
    existing = list(english(LocationPage).order_by("path"))
    new = []
    for number in range(len(existing), total):
        rng = seeded(seed, "office", number)
        town = TOWNS[number % len(TOWNS)].replace("-", " ")
        new.append(
            LocationPage(
                title=f"{town} office {number}",
                slug=f"{slugify(town)}-{number}",
                intro=f"Our office in {town}.",
                street_address=f"{rng.randint(100, 9999)} Example Road, Suite {number}",
                locality=town,
                region="IL",
                postal_code=f"60{rng.randint(100, 999)}",
                phone=f"(630) 555-01{number % 100:02d}",
                weekly_hours=[
                    LocationHours(weekday=day, opens=time(8), closes=time(17)) for day in range(5)
                ],
            )
        )
    return existing + _add(_parent(LocationIndexPage), new, stdout, "offices")


def physicians(total: int, all_offices: list, seed: int, stdout) -> list[PhysicianPage]:
    existing = list(english(PhysicianPage).order_by("path"))
    new = []
    for number in range(len(existing), total):
        rng = seeded(seed, "physician", number)
        first, last = rng.choice(people.FIRST_NAMES), rng.choice(people.LAST_NAMES)
        specialty = rng.choice(SPECIALTIES)
        new.append(
            PhysicianPage(
                title=f"{first} {last}",
                slug=f"{slugify(first)}-{slugify(last)}-{number}",
                credentials=rng.choice(["M.D.", "D.O."]),
                short_name=f"Dr. {last}",
                summary=f"Board certified in {specialty}.",
                specialties=specialty,
                board_certifications=specialty,
                biography=f"<p>Dr. {last} treats back and neck pain at our {specialty} clinic.</p>",
                locations=rng.sample(all_offices, min(len(all_offices), rng.randint(1, 3))),
            )
        )
    return existing + _add(_parent(PhysicianIndexPage), new, stdout, "physicians")


def _review(rng: random.Random, page, reviewers: list, day):
    page.reviewed_by = rng.choice(reviewers)
    page.last_reviewed = day
    page.next_review_due = day + timedelta(days=365)
    return page


def articles(total: int, reviewers: list, seed: int, stdout) -> int:
    existing = english(ArticlePage).count()
    today = timezone.localdate()
    new = []
    for number in range(existing, total):
        rng = seeded(seed, "article", number)
        topic, angle = rng.choice(TOPICS), rng.choice(ANGLES)
        other = rng.choice(TOPICS)
        day = today - timedelta(days=rng.randint(0, 365 * 5))
        article = ArticlePage(
            title=f"{topic.capitalize()}: {angle.lower()} ({number})",
            slug=f"{slugify(topic)}-{slugify(angle)}-{number}",
            date=day,
            author=rng.choice(reviewers),
            intro=f"{angle} about {topic}, from our physicians.",
            body=[
                ("paragraph", f"<p>Many patients ask us about {topic} and {other}.</p>"),
                ("heading", {"text": angle, "level": "h2"}),
                ("paragraph", f"<p>Here is what we tell them about {topic}. " * 3 + "</p>"),
            ],
        )
        article.tags.add(topic, other)
        new.append(_published(_review(rng, article, reviewers, day), day))
    return len(_add(_parent(BlogIndexPage), new, stdout, "articles"))


def handouts(total: int, reviewers: list, seed: int, stdout) -> int:
    existing = english(HandoutPage).count()
    conditions = [Condition.objects.get_or_create(name=name)[0] for name in CONDITIONS]
    today = timezone.localdate()
    new = []
    for number in range(existing, total):
        rng = seeded(seed, "handout", number)
        condition = rng.choice(conditions)
        day = today - timedelta(days=rng.randint(0, 365 * 5))
        rows = rng.sample(EXERCISES, rng.randint(3, len(EXERCISES)))
        handout = HandoutPage(
            title=f"{condition.name}: home exercise program {number}",
            slug=f"{condition.slug}-program-{number}",
            summary=f"Exercises for {condition.name.lower()}, to do at home.",
            frequency="Once daily.",
            exercises=[("exercise", exercise_value(*row)) for row in rows],
        )
        handout.conditions = [condition]
        new.append(_published(_review(rng, handout, reviewers, day), day))
    return len(_add(_parent(HandoutIndexPage), new, stdout, "handouts"))
