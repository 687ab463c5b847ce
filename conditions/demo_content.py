"""Demo conditions and treatments, worded from the practice's documents (../shared/seeds): the
facet joint handout's introduction and the "Running with Back Pain" article's sections on facet
joints, their symptoms, their causes and facet joint injections. The other pages are outlines
for staff to fill in: a summary and the sections' headings' worth of plain text."""

from blog.demo_article import FACET_JOINT_SYMPTOMS
from handouts.demo_content import CARE_CARDS

INDEX = {
    "title": "Conditions and treatments",
    "slug": "conditions-treatments",
    "intro": "What we treat and how, from A to Z. Choose a body area to narrow the list.",
    "show_in_menus": True,
}

FACET_JOINT_PAIN = {
    "title": "Facet joint pain",
    "slug": "facet-joint-pain",
    "summary": (
        "A deep, aching pain in the low back or neck that is worse when you stand, lean "
        "backward or twist, and eased by sitting or bending forward."
    ),
    "what_it_is": (
        "<p>The facet joints are small joints located along the back of the spine, where the "
        "vertebrae meet: one pair at the back of each spinal segment. They allow for flexibility "
        "and movement, providing stability while enabling you to bend, twist and extend your "
        "spine. They also help to absorb shock during movement, including activities like "
        "running.</p>"
        "<p>When the facet joints become inflamed, irritated or damaged, it can lead to localized "
        "pain in the back. Facet joint (facetogenic) pain is typically felt in the lower back or "
        "the neck, but it can also radiate into the legs.</p>"
    ),
    "symptoms": FACET_JOINT_SYMPTOMS,
    "causes": [
        (
            "Repetitive motion and overload",
            "Repetitive motion, overloading or sudden trauma can inflame the joints; running on "
            "hard surfaces or with poor form adds to the stress on them.",
        ),
        (
            "Poor posture or form",
            "Slouching, leaning forward or an exaggerated forward tilt increases pressure on the "
            "facet joints.",
        ),
        (
            "Muscle imbalances",
            "Weak core muscles, tight hamstrings and stiff hip flexors can force the facet joints "
            "to bear more load than they are designed for.",
        ),
        (
            "Degenerative changes",
            "Over the years the cartilage within the joints can wear, leading to painful "
            "bone-on-bone friction.",
        ),
        (
            "Spinal alignment issues",
            "Scoliosis or uneven leg lengths increase stress on the facet joints.",
        ),
        (
            "Overuse",
            "Doing too much too soon, without enough recovery time, can irritate the joints.",
        ),
    ],
    "diagnosis": (
        "<p>Your physician asks where and when it hurts, examines your back and how it moves, "
        "and may order imaging. A facet joint injection can also help confirm whether the facet "
        "joints are the primary source of your pain.</p>"
    ),
    "area_neck": True,
    "area_low_back": True,
}

FACET_JOINT_INJECTIONS = {
    "title": "Facet joint injections",
    "slug": "facet-joint-injections",
    "summary": (
        "A minimally invasive, X-ray-guided injection that can relieve facet joint pain and "
        "confirm where it comes from."
    ),
    "what_it_is": (
        "<p>Facet joint injections involve the injection of a local anesthetic and "
        "corticosteroid directly into the facet joint. This can provide immediate pain relief by "
        "numbing the joint and reducing inflammation, giving you a reprieve from pain and "
        "allowing you to regain mobility.</p>"
    ),
    "who_it_helps": (
        "<p>Patients with facet joint pain when conservative treatments (rest, physical therapy, "
        "stretching, anti-inflammatory medicine) aren't enough, especially those with chronic or "
        "severe pain.</p>"
    ),
    "how_to_prepare": (
        "<p>We give you written instructions when we book the injection: which medicines to "
        "pause, whether to eat beforehand, and to bring someone to drive you home.</p>"
    ),
    "on_the_day": (
        "<p>The injection is typically performed under fluoroscopy (X-ray guidance), so the "
        "physician can place the needle precisely in the joint.</p>"
    ),
    "recovery": (
        "<p>It is a minimally invasive procedure that requires little downtime. With reduced pain "
        "and inflammation, you may experience improved mobility and function, allowing you to "
        "resume activities such as running more comfortably.</p>"
    ),
    "risks": (
        "<p>Your physician goes through the risks with you before the injection and answers your "
        "questions, so you can decide together whether it is right for you.</p>"
    ),
    "cost_note": (
        "<p>Many plans need a prior authorization for injections: our staff request it for you. "
        "Uninsured or paying yourself? Ask us for a good faith estimate.</p>"
    ),
    "faqs": [
        (
            "How quickly does it work?",
            "<p>The local anesthetic provides immediate relief by numbing the pain at the "
            "joint.</p>",
        ),
        (
            "How long does the relief last?",
            "<p>The corticosteroid reduces inflammation, which can last for weeks to months, "
            "helping the joint heal and preventing further irritation.</p>",
        ),
        (
            "Can it show where my pain comes from?",
            "<p>In some cases, yes: it can help confirm whether the facet joints are the primary "
            "source of your pain.</p>",
        ),
    ],
    "area_neck": True,
    "area_low_back": True,
}

# Outlines: a summary (and what the article says, where it says anything), for staff to complete.
OUTLINE_TREATMENTS = [
    {
        "title": "Medial branch block",
        "slug": "medial-branch-block",
        "summary": "A test injection near the small nerves of a facet joint, to see whether "
        "that joint is the source of your pain.",
        "area_neck": True,
        "area_mid_back": True,
        "area_low_back": True,
    },
    {
        "title": "Physical therapy",
        "slug": "physical-therapy",
        "summary": "A personalized rehabilitation program that strengthens the core, improves "
        "posture and addresses muscle imbalances.",
        "what_it_is": (
            "<p>A physical therapist develops a personalized rehabilitation program focusing on "
            "strengthening the core, improving posture, and addressing muscle imbalances.</p>"
        ),
        "area_neck": True,
        "area_mid_back": True,
        "area_low_back": True,
        "area_legs": True,
    },
]

OUTLINE_CONDITIONS = [
    {
        "title": "Back pain in runners",
        "slug": "back-pain-in-runners",
        "summary": "Poor form, muscle imbalances and overuse: we find the cause and get you back "
        "on track.",
        "area_low_back": True,
        "treatments": ["physical-therapy", "facet-joint-injections"],
    },
    {
        "title": "Sciatica",
        "slug": "sciatica",
        "summary": "Pain that runs from the low back down the back of one leg.",
        "area_low_back": True,
        "area_legs": True,
        "treatments": ["physical-therapy"],
    },
]

FACET_CARE_CARDS = CARE_CARDS
FACET_TREATMENTS = ["facet-joint-injections", "medial-branch-block", "physical-therapy"]
# The home page's "How we can help" cards that lead to these pages, by card title.
HOME_CARDS = {
    "Facet joint pain": "facet-joint-pain",
    "Back pain in runners": "back-pain-in-runners",
    "Facet joint injections": "facet-joint-injections",
}
