# ruff: noqa: RUF001 -- the seed text keeps its typographic apostrophes, as the practice wrote it.
"""The seed article "Running with Back Pain" (seed 001, the practice's current website), kept in
its own structure: headings as heading blocks, the numbered causes as numbered sections, the
bullet lists as lists with their bold lead-ins, and the closing call to action."""

TITLE = "Running with Back Pain"
SLUG = "running-with-back-pain"
TAGS = ["running", "facet joints", "back pain"]
SEARCH_DESCRIPTION = (
    "Causes of back pain in runners, what facet joints are, symptoms of facet joint pain, and "
    "treatments from physical therapy to facet joint injections."
)

INTRO = (
    "Running is one of the most rewarding forms of exercise—boosting cardiovascular health, "
    "enhancing mood, and improving overall fitness. However, for many runners, persistent back "
    "pain can make it difficult to enjoy or even maintain a consistent running routine."
)


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def paragraphs(*texts):
    return ("paragraph", "".join(f"<p>{text}</p>" for text in texts))


def bullets(*items):
    return (
        "list",
        {"style": "bulleted", "items": [{"term": term, "text": text} for term, text in items]},
    )


# Also the symptoms of the demo condition page "Facet joint pain" (conditions/demo_content.py).
FACET_JOINT_SYMPTOMS = [
    ("Lower back pain", "Usually localized to one side but may spread across the back."),
    (
        "Pain that worsens with activity",
        "The pain may intensify when running, walking, or even standing for long periods.",
    ),
    (
        "Pain that improves with rest",
        "Unlike muscle soreness, facet joint pain often improves with rest and worsens with "
        "movement.",
    ),
    (
        "Stiffness and limited range of motion",
        "Difficulty bending or rotating the back may accompany facet joint pain.",
    ),
    (
        "Radiating pain",
        "Pain may also radiate to the buttocks, hips, or thighs, similar to sciatic pain.",
    ),
    (
        "Tenderness over the facet joints",
        "When pressing on the area of the spine where the facet joints are located, the pain "
        "may increase.",
    ),
]

CAUSES = [
    (
        "Facet Joint Dysfunction",
        "The facet joints can become inflamed due to repetitive motion, overloading, or sudden "
        "trauma. Running, especially on hard surfaces or with poor form, can exacerbate the stress "
        "on these joints. Over time, this may lead to joint wear and tear, resulting in pain that "
        "worsens with movement.",
    ),
    (
        "Poor Running Form or Posture",
        "Running with poor form places excessive strain on the spine and its surrounding "
        "structures. Runners who slouch, lean forward, or have an exaggerated forward tilt may "
        "increase pressure on the facet joints, contributing to pain.",
    ),
    (
        "Muscle Imbalances",
        "Weak core muscles, tight hamstrings, and stiff hip flexors can all affect the alignment "
        "of the spine and increase stress on the facet joints. If the muscles around your spine "
        "and hips aren’t balanced, the facet joints may be forced to bear more load than they’re "
        "designed for.",
    ),
    (
        "Degenerative Changes",
        "Over time, the facet joints may undergo degenerative changes, particularly if you’ve "
        "been running for many years or have experienced previous back injuries. Degeneration of "
        "the cartilage within these joints can lead to painful bone-on-bone friction, further "
        "aggravating symptoms.",
    ),
    (
        "Spinal Alignment Issues",
        "Issues like scoliosis (curvature of the spine) or uneven leg lengths can affect the "
        "alignment of your spine, leading to increased stress on the facet joints and other "
        "structures in your back. For runners, this misalignment can create discomfort, "
        "especially during long or intense runs.",
    ),
    (
        "Overuse Injuries",
        "Running too much too soon or increasing mileage too quickly can put excessive strain on "
        "the body. Repetitive stress from running without proper recovery time can contribute to "
        "facet joint irritation, disc issues, or other spinal injuries.",
    ),
]

BODY = [
    paragraphs(
        "Whether you’re dealing with acute discomfort or chronic pain, back issues can seriously "
        "affect your performance and motivation.",
        "One common cause of back pain for runners is facet joint dysfunction, an often "
        "overlooked but significant source of discomfort. In this post, we’ll explore the causes "
        "of back pain for runners, why facet joint issues are particularly common, and how "
        "treatments like facet joint injections can help you manage or eliminate pain—getting "
        "you back on track.",
    ),
    heading("Causes of Back Pain in Runners"),
    paragraphs(
        "While facet joint dysfunction is a leading cause of back pain for runners, other factors "
        "also contribute to the discomfort many experience while running:"
    ),
    (
        "numbered_sections",
        {"sections": [{"heading": name, "text": f"<p>{text}</p>"} for name, text in CAUSES]},
    ),
    heading("What Are Facet Joints?"),
    paragraphs(
        "The facet joints are small joints located along the back of the spine, where the "
        "vertebrae meet. These joints allow for flexibility and movement, providing stability "
        "while enabling you to bend, twist, and extend your spine. They also help to absorb "
        "shock during movement, including activities like running.",
        "When the facet joints become inflamed, irritated, or damaged, it can lead to localized "
        "pain in the back. Facet joint pain is typically felt in the lower back or the neck, but "
        "it can also radiate into the legs. In runners, facet joint dysfunction can stem from "
        "overuse, poor posture, muscle imbalances, or injury.",
    ),
    heading("Symptoms of Facet Joint Pain"),
    paragraphs(
        "Facet joint pain can manifest in various ways, and its symptoms may be more pronounced "
        "for runners, especially when they’re on their feet for extended periods. Common signs "
        "of facet joint dysfunction include:"
    ),
    bullets(*FACET_JOINT_SYMPTOMS),
    heading("Treatment Options"),
    paragraphs(
        "When running with back pain, it’s crucial to address the root cause of the problem to "
        "prevent it from becoming a chronic issue. There are several treatments that can help "
        "alleviate pain and improve function, ranging from conservative methods to more advanced "
        "interventions like facet joint injections."
    ),
    heading("Conservative Treatments", "h3"),
    bullets(
        (
            "Rest and Recovery",
            "Taking short breaks from running and allowing the body to heal is essential. "
            "Cross-training with lower-impact activities like swimming or cycling can help "
            "maintain fitness while reducing strain on the back.",
        ),
        (
            "Physical Therapy",
            "A physical therapist can develop a personalized rehabilitation program focusing on "
            "strengthening the core, improving posture, and addressing muscle imbalances. "
            "Specific exercises may help support the spine and relieve pressure on the facet "
            "joints.",
        ),
        (
            "Stretching and Mobility Exercises",
            "Regular stretching, yoga, or foam rolling can help alleviate tension in the muscles "
            "surrounding the spine, improve flexibility, and reduce strain on the facet joints.",
        ),
        (
            "Pain Management",
            "Over-the-counter anti-inflammatory medications (e.g., ibuprofen) can reduce "
            "inflammation and pain associated with facet joint dysfunction. Ice or heat therapy "
            "can also be effective for managing flare-ups.",
        ),
    ),
    heading("Facet Joint Injections", "h3"),
    paragraphs(
        "If conservative treatments aren’t enough to alleviate pain, facet joint injections can "
        "be a highly effective option for treating facet joint dysfunction, especially in "
        "runners dealing with chronic or severe pain.",
        "Facet joint injections involve the injection of a local anesthetic and corticosteroid "
        "directly into the facet joint. This can provide immediate pain relief by numbing the "
        "joint and reducing inflammation, giving the runner a reprieve from pain and allowing "
        "them to regain mobility.",
    ),
    heading("Benefits of Facet Joint Injections", "h3"),
    bullets(
        (
            "Pain Relief",
            "The local anesthetic provides immediate relief by numbing the pain at the joint.",
        ),
        (
            "Reduced Inflammation",
            "The corticosteroid reduces inflammation, which can last for weeks to months, "
            "helping the joint heal and preventing further irritation.",
        ),
        (
            "Improved Function",
            "With reduced pain and inflammation, you may experience improved mobility and "
            "function, allowing you to resume running more comfortably.",
        ),
        (
            "Diagnostic Tool",
            "In some cases, facet joint injections can also help confirm whether the facet "
            "joints are the primary source of your pain.",
        ),
        (
            "Minimally invasive",
            "Typically performed under fluoroscopy (X-ray guidance), this is a minimally "
            "invasive procedure that requires little downtime.",
        ),
    ),
    heading("Preventing Future Back Pain"),
    paragraphs(
        "Even after successfully treating facet joint pain, it’s essential to take steps to "
        "prevent future flare-ups:"
    ),
    bullets(
        (
            "Maintain proper running form",
            "Focus on posture and stride mechanics to reduce stress on the back.",
        ),
        (
            "Strengthen your core",
            "A strong core supports the spine and helps prevent overloading the facet joints.",
        ),
        (
            "Avoid overuse",
            "Gradually increase your running mileage and allow time for rest and recovery.",
        ),
        (
            "Cross-train regularly",
            "Mix up your routine with lower-impact activities to give your back a break.",
        ),
    ),
    heading("Conclusion"),
    paragraphs(
        "Running with back pain, especially facet joint dysfunction, can be incredibly "
        "frustrating. However, with the right treatments, including facet joint injections, "
        "physical therapy, and proper preventative measures, you can manage your pain and "
        "continue running without limitations."
    ),
    (
        "call_to_action",
        {
            "heading": "Struggling with back pain that impacts your running?",
            "text": "Contact our office to schedule a consultation with one of our providers. "
            "Dr. Thomas Weber is board certified and fellowship trained in Anesthesiology and "
            "Pain Management.",
            "button_label": "Request an appointment",
            "page": None,
        },
    ),
]
