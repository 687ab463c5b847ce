# ruff: noqa: RUF001 -- en dashes and multiplication signs are the handout's own typography
"""The practice's handout "Facet Joint (Facetogenic) Back Pain — Home Exercise Program", word for
word from the document it gave us (seeds/000_4d6e7755abfa3a9b.txt), in the handout's fields.

The seed's single list "Call the clinic / seek care if you have" becomes two care cards: the signs
it says to call the clinic about, and the one it marks "(seek emergency care)".
"""

CONDITION = "Facet joint pain"

INDEX = {
    "title": "Patient handouts",
    "slug": "handouts",
    "intro": "Home exercise programs from our clinicians, to follow on your phone or on paper.",
    "show_in_menus": True,
}

HANDOUT = {
    "title": "Facet Joint (Facetogenic) Back Pain — Home Exercise Program",
    "slug": "facet-joint-back-pain",
    "summary": (
        "The facet joints are the small, paired joints at the back of each spinal segment. "
        "Facetogenic pain is typically a deep, aching low-back pain that is worse with "
        "standing, leaning backward, and twisting, and is eased by sitting or bending forward."
    ),
    "introduction": (
        "<p>This program uses <b>gentle flexion (forward bending)</b> and <b>core-stabilizing "
        "exercises</b> that unload the facet joints, restore mobility, and build trunk support "
        "to protect them. Move slowly and stay within a comfortable range.</p>"
    ),
    "frequency": "Once or twice daily, most days of the week.",
    "pacing": "Mild muscle stretch is fine; sharp or radiating pain is not. "
    "Ease off if pain increases.",
    "warm_up": "A few minutes of easy walking before stretching.",
    "breathing": "Breathe normally; never hold your breath during a hold.",
}

# (name, steps, sets, reps, hold, frequency, tip)
EXERCISES = [
    (
        "Posterior Pelvic Tilt",
        [
            "Lie on your back with knees bent, feet flat.",
            "Gently flatten your lower back into the floor by tightening your abdominal and "
            "buttock muscles.",
            "Hold, then relax.",
        ],
        "1–2",
        "10",
        "5 sec",
        "Daily",
        "Imagine pulling your belly button down toward the floor.",
    ),
    (
        "Single Knee-to-Chest",
        [
            "Lie on your back with one leg extended.",
            "Draw the other knee toward your chest using both hands.",
            "Hold the gentle stretch, then lower and switch sides.",
        ],
        "2",
        "5 each leg",
        "15–20 sec",
        "1–2× daily",
        "",
    ),
    (
        "Double Knee-to-Chest",
        [
            "Lie on your back and bring both knees toward your chest.",
            "Clasp your hands behind your thighs and gently hug the knees in.",
            "Hold, feeling a stretch across the low back, then release.",
        ],
        "2",
        "5",
        "15–20 sec",
        "1–2× daily",
        "This opens the facet joints and usually feels relieving.",
    ),
    (
        "Lower Trunk Rotation (Knee Rolls)",
        [
            "Lie on your back, knees bent and together, arms out to the sides.",
            "Keeping shoulders flat, slowly let both knees roll to one side.",
            "Return to center and roll to the other side.",
        ],
        "1–2",
        "8 each side",
        "3 sec",
        "Daily",
        "",
    ),
    (
        "Cat–Camel",
        [
            "On hands and knees, gently round your back upward like a cat.",
            "Then slowly return to a flat, neutral spine.",
            "Move smoothly; emphasize the rounding (flexion) phase.",
        ],
        "1–2",
        "10",
        "2–3 sec",
        "Daily",
        "Let the movement be pain-free and rhythmic.",
    ),
    (
        "Abdominal Bracing / Dead Bug",
        [
            "Lie on your back, knees bent, low back gently flattened.",
            "Tighten your core, then slowly lower the opposite arm and leg.",
            "Return and repeat on the other side without arching your back.",
        ],
        "2",
        "8 each side",
        "3 sec",
        "Daily",
        "Keep the low back still — the core does the work.",
    ),
    (
        "Seated Forward Flexion Stretch",
        [
            "Sit on a firm chair, feet flat.",
            "Slowly bend forward, letting your hands slide toward the floor.",
            "Hold the comfortable stretch and rise slowly.",
        ],
        "1–2",
        "5",
        "15–20 sec",
        "As needed",
        "A good option for relief during the workday.",
    ),
]

PRECAUTIONS = [
    "Repeated or prolonged backward bending (extension) and overhead reaching.",
    "Twisting under load and sustained standing for long periods.",
    "Any movement that sends pain down the leg or sharply increases back pain.",
]

CARE_CARDS = [
    {
        "urgency": "call_us",
        "heading": "Call the clinic if you have",
        "text": "<ul><li>New numbness, weakness, or pain shooting down the leg.</li>"
        "<li>Pain that steadily worsens despite rest and these exercises.</li></ul>",
    },
    {
        "urgency": "emergency",
        "heading": "Seek emergency care if you have",
        "text": "<ul><li>Loss of bladder or bowel control, or numbness in the groin/saddle "
        "area.</li></ul>",
    },
]

CITATIONS = [
    {
        "title": "Patient education on back pain and spine conditioning",
        "publisher": "AAOS OrthoInfo",
        "url": "https://orthoinfo.aaos.org",
    },
    {
        "title": "Evidence-based clinical guideline for the diagnosis and treatment of low back "
        "pain",
        "publisher": "North American Spine Society (NASS)",
        "url": "https://www.spine.org",
    },
    {
        "title": "Lumbar stabilization exercise for suspected facet-joint low back pain "
        "(PMC7526062)",
        "publisher": "",
        "url": "https://pmc.ncbi.nlm.nih.gov/articles/PMC7526062/",
    },
    {
        "title": "Lumbosacral Facet Syndrome",
        "publisher": "StatPearls, NCBI Bookshelf",
        "url": "https://www.ncbi.nlm.nih.gov/books/NBK441906/",
    },
]
