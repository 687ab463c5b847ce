"""The demo: "Facet joint pain" and "Facet joint injections" from the seeds, linked to the
handout, the article and Dr. Weber (both ways), two more of each in outline, the A-Z list in the
menu, the home page's cards pointing at them; a second run changes nothing."""

from io import StringIO

from django.core.management import call_command
from wagtail.models import Page, Revision

from conditions.models import ConditionPage, TreatmentPage
from website.models import HomePage


def test_demo_has_facet_joint_pain_linked_every_way(client, demo):
    facet = ConditionPage.objects.get(slug="facet-joint-pain")
    assert facet.url == "/conditions-treatments/facet-joint-pain/"
    assert [b.value["term"] for b in facet.symptoms][:2] == [
        "Lower back pain",
        "Pain that worsens with activity",
    ]
    assert "small joints located along the back of the spine" in facet.what_it_is
    assert [t.slug for t in facet.treatments_offered] == [
        "facet-joint-injections",
        "medial-branch-block",
        "physical-therapy",
    ]
    assert [h.slug for h in facet.self_care_handouts] == ["facet-joint-back-pain"]
    assert [a.slug for a in facet.articles] == ["running-with-back-pain"]
    assert [p.slug for p in facet.physicians_shown] == ["thomas-weber"]
    assert facet.is_medically_reviewed and facet.reviewed_by.slug == "thomas-weber"
    html = client.get(facet.url).content.decode()
    for link in [
        "/conditions-treatments/facet-joint-injections/",
        "/handouts/facet-joint-back-pain/",
        "/blog/running-with-back-pain/",
        "/physicians/thomas-weber/",
    ]:
        assert f'href="{link}"' in html, link
    # The other side of the same relations.
    for path in ["/handouts/facet-joint-back-pain/", "/blog/running-with-back-pain/"]:
        html = client.get(path).content.decode()
        assert 'href="/conditions-treatments/facet-joint-pain/"' in html, path
    treatment = client.get("/conditions-treatments/facet-joint-injections/").content.decode()
    assert "local anesthetic and corticosteroid directly into the facet joint" in treatment
    assert "How long does the relief last?" in treatment
    assert 'href="/conditions-treatments/facet-joint-pain/"' in treatment


def test_demo_outlines_menu_and_home_cards(client, demo):
    assert ConditionPage.objects.live().filter(locale__language_code="en").count() == 3
    assert TreatmentPage.objects.live().filter(locale__language_code="en").count() == 3
    home = client.get("/").content.decode()
    assert '<li><a href="/conditions-treatments/">Conditions and treatments</a></li>' in home
    cards = {
        b.value["title"]: b.value["page"]
        for b in HomePage.objects.get(locale__language_code="en").services
    }
    assert cards["Facet joint pain"].slug == "facet-joint-pain"
    assert cards["Back pain in runners"].slug == "back-pain-in-runners"
    assert cards["Facet joint injections"].slug == "facet-joint-injections"
    assert '<a href="/conditions-treatments/facet-joint-pain/">Facet joint pain</a>' in home


def test_a_second_run_changes_nothing(demo):
    pages, revisions = Page.objects.count(), Revision.objects.count()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)
    assert "created" not in out.getvalue() and "linked" not in out.getvalue()
