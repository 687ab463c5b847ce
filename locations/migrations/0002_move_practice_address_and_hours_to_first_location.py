"""Moves what a site entered before there were locations into its first location: the address,
phone and fax of Settings → Practice details and the regular week of Settings → Opening hours.

For each site whose root is the practice's home page and that has any of these, the migration adds
a published "Locations" page under the home page (unless one is there) and the first office under
it, with that address, phone, fax and every line of the week (lunch breaks included). What was
entered stays where it was too: nothing is deleted here. A site with nothing entered (a fresh
install) gets nothing; the demo builds its own offices.

The page tree is written as treebeard would (materialised paths of 4 base-36 characters): models
in migrations have no tree methods.
"""

import uuid

from django.db import migrations
from django.utils import timezone

STEP_LENGTH = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def path_step(number: int) -> str:
    digits = ""
    while number:
        number, digit = divmod(number, len(ALPHABET))
        digits = ALPHABET[digit] + digits
    return digits.rjust(STEP_LENGTH, "0")


def add_child_page(apps, parent, model, **fields):
    """A published page as the last child of `parent` (a wagtailcore Page row)."""
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .first()
    )
    number = int(last.path[-STEP_LENGTH:], len(ALPHABET)) + 1 if last is not None else 1
    content_type, _ = ContentType.objects.get_or_create(
        app_label=model._meta.app_label, model=model._meta.model_name
    )
    slug = fields.pop("slug")
    taken = set(
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).values_list(
            "slug", flat=True
        )
    )
    base, suffix = slug, 2
    while slug in taken:
        slug, suffix = f"{base}-{suffix}", suffix + 1
    now = timezone.now()
    page = model.objects.create(
        **fields,
        draft_title=fields["title"],
        slug=slug,
        content_type=content_type,
        path=parent.path + path_step(number),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{slug}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        locale_id=parent.locale_id,
        translation_key=uuid.uuid4(),
    )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
    parent.numchild += 1
    return page


def move_to_first_location(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("website", "HomePage")
    PracticeSettings = apps.get_model("website", "PracticeSettings")
    HoursSettings = apps.get_model("hours", "HoursSettings")
    LocationIndexPage = apps.get_model("locations", "LocationIndexPage")
    LocationPage = apps.get_model("locations", "LocationPage")
    LocationHours = apps.get_model("locations", "LocationHours")

    for site in Site.objects.all():
        if not HomePage.objects.filter(pk=site.root_page_id).exists():
            continue
        home = Page.objects.get(pk=site.root_page_id)
        practice = PracticeSettings.objects.filter(site=site).first()
        hours = HoursSettings.objects.filter(site=site).first()
        week = list(hours.weekly_hours.order_by("sort_order", "pk")) if hours else []
        address = {}
        if practice is not None:
            address = {
                "street_address": practice.street_address,
                "locality": practice.locality,
                "region": practice.region,
                "postal_code": practice.postal_code,
                "phone": practice.phone,
                "fax": practice.fax,
            }
        if not week and not any(address.values()):
            continue
        below_home = {"path__startswith": home.path, "depth": home.depth + 1}
        index = LocationIndexPage.objects.filter(**below_home).first()
        if index is None:
            index = add_child_page(
                apps, home, LocationIndexPage, title="Locations", slug="locations"
            )
        if LocationPage.objects.filter(path__startswith=index.path).exists():
            continue
        name = f"{practice.locality} office" if practice and practice.locality else "Main office"
        office = add_child_page(
            apps, Page.objects.get(pk=index.pk), LocationPage, title=name, slug="main-office",
            **address,
        )
        LocationHours.objects.bulk_create(
            LocationHours(
                location_id=office.pk,
                weekday=line.weekday,
                opens=line.opens,
                closes=line.closes,
                sort_order=position,
            )
            for position, line in enumerate(week)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("locations", "0001_initial"),
        ("hours", "0003_closures_for_some_offices"),
        ("website", "0003_content_version"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(move_to_first_location, migrations.RunPython.noop)]
