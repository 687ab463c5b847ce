import factory
import wagtail_factories
from wagtail.models import Page, Site

from website.models import HomePage, PracticeSettings, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = "home"
    hero_heading = "Relief from back pain"
    hero_text = "A practice that explains your options."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "What this page is about."
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = StandardPage


def build_site(**practice) -> HomePage:
    """A default site whose root is a fresh HomePage, with practice details filled in.

    Works whether or not the database still holds Wagtail's initial root page (a transactional
    test empties every table).
    """
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    for child in root.get_children():
        child.delete()
    home = HomePageFactory(parent=root)
    Site.objects.all().delete()
    site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    details = {"name": "Test Spine Clinic", "phone": "(312) 555-0100", **practice}
    PracticeSettings.objects.update_or_create(site=site, defaults=details)
    return home


def translate(page, language: str = "es", **fields):
    """`page` translated with wagtail-localize, as an editor does in the admin ("Translate this
    page"), then given its translated `fields` and published. The parent must be translated
    first (the home page before the pages under it)."""
    from wagtail.models import Locale
    from wagtail_localize.models import TranslationSource

    source, _ = TranslationSource.get_or_create_from_instance(page)
    translated, _ = source.create_or_update_translation(
        Locale.objects.get(language_code=language), fallback=True
    )
    translated = translated.specific
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return type(translated).objects.get(pk=translated.pk)  # as published (a new slug moves it)
