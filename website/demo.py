"""Demo content for the site's frame: the practice's details, the home page, the privacy notice.

The practice is fictional (555-01xx numbers are reserved for fiction); staff replace all of it in
Settings → Practice details and the page editor.
"""

from wagtail.models import Page, Site

from .demo_pages import ensure_published_child
from .models import HomePage, PracticeSettings, StandardPage

PRACTICE = {
    "name": "Lakeside Spine & Pain Center",
    "phone": "(312) 555-0142",
    "fax": "(312) 555-0143",
    "email": "frontdesk@example.com",
    "street_address": "1200 W. Example Avenue, Suite 300",
    "locality": "Chicago",
    "region": "IL",
    "postal_code": "60607",
    "map_url": "https://www.openstreetmap.org/search?query=Chicago%2C%20IL%2060607",
}

HOME = {
    "title": "Home",
    "slug": "home",
    "hero_heading": "Relief from back and neck pain, with a plan you understand",
    "hero_text": (
        "Board-certified, fellowship-trained pain management. We find the source of your pain "
        "and treat it with the least invasive option that works, so you can get back to the "
        "things you enjoy."
    ),
    "services_heading": "How we can help",
    "seo_title": "Lakeside Spine & Pain Center: back, neck and joint pain care",
    "search_description": (
        "Spine and pain-management practice: facet joint pain, back pain in runners, "
        "facet joint injections and home exercise programs."
    ),
}

SERVICES = [
    (
        "Facet joint pain",
        "Deep, aching low-back or neck pain that is worse when you stand, lean back or twist.",
    ),
    (
        "Back pain in runners",
        "Poor form, muscle imbalances and overuse: we find the cause and get you back on track.",
    ),
    (
        "Facet joint injections",
        "A minimally invasive, X-ray-guided treatment that can relieve pain "
        "and confirm its source.",
    ),
    (
        "Home exercise programs",
        "Step-by-step programs to follow at home, on your phone or on paper.",
    ),
]

PRIVACY_NOTICE = [
    ("heading", {"text": "What we collect", "level": "h2"}),
    (
        "paragraph",
        "<p>When you request an appointment we keep what you type into the form so that our "
        "front-desk staff can call you back. Please do not send detailed medical information "
        "through the website.</p>",
    ),
    ("heading", {"text": "What we do not do", "level": "h2"}),
    (
        "paragraph",
        "<p>This website uses no third-party analytics, advertising or tracking pixels. "
        "The appointment form uses Google reCAPTCHA to keep out automated spam.</p>",
    ),
    ("heading", {"text": "This notice and your medical records", "level": "h2"}),
    (
        "paragraph",
        "<p>This notice is about this website only: what it does with what you type into it. "
        "How we use and share your medical information as a patient, and your rights over it, "
        'are in our <a href="/notice-of-privacy-practices/">Notice of Privacy Practices</a>.</p>',
    ),
    ("heading", {"text": "How long we keep it", "level": "h2"}),
    (
        "paragraph",
        "<p>Appointment requests are deleted from the website once they have been handled "
        "and the retention period has passed.</p>",
    ),
]


def load(stdout) -> None:
    home = _home_page(stdout)
    privacy = _privacy_notice(home, stdout)
    _practice_settings(privacy)


def _home_page(stdout) -> HomePage:
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    home = HomePage(
        **{**HOME, "slug": "home-demo"},
        services=[("service", {"title": t, "text": x, "page": None}) for t, x in SERVICES],
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    old_root = site.root_page if site else None
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True, site_name=PRACTICE["name"])
    site.root_page = home
    site.site_name = PRACTICE["name"]
    site.save()
    # Wagtail's "Welcome" page is only a placeholder; ours takes its place and its slug.
    if old_root is not None and old_root.pk != home.pk and not old_root.get_children().exists():
        old_root.delete()
    home.slug = HOME["slug"]
    home.save_revision().publish()
    stdout.write("  home page created")
    # Publishing saved a copy built from the revision; reload so children get the new URL path.
    return HomePage.objects.get(pk=home.pk)


def _practice_settings(privacy: StandardPage) -> None:
    """Fills in only what is empty, so a second run keeps what staff have changed."""
    practice = PracticeSettings.for_default_site()
    changed = [field for field in PRACTICE if not getattr(practice, field)]
    if practice.name == PracticeSettings._meta.get_field("name").default:
        changed.append("name")
    for field in changed:
        setattr(practice, field, PRACTICE[field])
    if practice.privacy_page_id is None:
        practice.privacy_page = privacy
        changed.append("privacy_page")
    if changed:
        practice.save()


def _privacy_notice(home: HomePage, stdout) -> StandardPage:
    page, _ = ensure_published_child(
        home,
        StandardPage.objects.filter(slug="privacy"),
        StandardPage(
            title="Privacy notice",
            slug="privacy",
            intro="How this website handles what you tell us.",
            body=PRIVACY_NOTICE,
        ),
        stdout,
        "privacy notice created",
    )
    return page
