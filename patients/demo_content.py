"""Demo information for new patients of the fictional practice, its insurance plans (kinds of
plan, not real contracts) and its questions page."""

NEW_PATIENTS = {
    "title": "New patients",
    "slug": "new-patients",
    "intro": "What to bring, when to arrive and what happens at your first visit.",
    "show_in_menus": True,
    "what_to_bring": (
        "<ul><li>A photo ID.</li><li>Your insurance card (front and back).</li>"
        "<li>Imaging of your back or neck (X-ray, MRI or CT): the report, and the images on a "
        "disc if you have them.</li><li>A list of the medicines you take, with doses, and any "
        "allergies.</li><li>Your referral, if your plan needs one.</li></ul>"
    ),
    "arriving": (
        "<p>Please arrive 20 minutes early for your first visit, or 10 minutes if you bring "
        "your forms filled in, so we can check you in and start on time.</p>"
    ),
    "first_visit": (
        "<p>Your first visit takes about an hour. Your physician asks about your pain and "
        "your health, examines you, looks at your imaging and talks you through the options. "
        "You leave with a plan you understand: often exercises or physical therapy first, and "
        "a treatment such as an injection only where it is likely to help.</p>"
    ),
    "referrals": (
        "<p>Many plans let you book with us directly. HMO plans and some others need a "
        "referral from your primary care doctor before your visit: check the list below, or "
        "ask us when you book.</p>"
    ),
    "insurance_intro": "We accept most major plans. Those marked below need a referral.",
}

FORMS = [
    (
        "Patient health history",
        "Fill it in at home and bring it to your first visit.",
        ["Name", "Date of birth", "Where is your pain?", "How long have you had it?", "Medicines"],
    ),
    (
        "Consent to share records",
        "If another doctor should send us your records.",
        ["Name", "Date of birth", "Doctor or hospital", "Signature", "Date"],
    ),
]

INSURANCE_PLANS = [
    ("Medicare (Original Medicare)", ""),
    ("Medicare Advantage plans", "Some plans need a referral: ask us."),
    ("Illinois Medicaid managed care plans", "Referral from your primary care doctor needed."),
    ("PPO plans", ""),
    ("HMO plans", "Referral from your primary care doctor needed."),
    ("Workers' compensation", "Bring your claim number and adjuster's contact details."),
]

QUESTIONS = {
    "title": "Questions patients ask",
    "slug": "questions",
    "intro": "Answers to what new and returning patients ask us most.",
    "faqs": [
        (
            "Do I need a referral?",
            "<p>It depends on your plan: HMO plans usually need one. See "
            '<a href="/new-patients/">New patients</a>, or call us.</p>',
        ),
        (
            "How long is the first visit?",
            "<p>About an hour. Please arrive 20 minutes early to check in.</p>",
        ),
        (
            "I don't have insurance. Can I know the cost first?",
            "<p>Yes: you have the right to a "
            '<a href="/good-faith-estimate/">good faith estimate</a> before your care.</p>',
        ),
        (
            "Will I have an injection at my first visit?",
            "<p>Usually not. Your physician examines you and talks through the options first; a "
            "procedure is booked for another day once you have decided together.</p>",
        ),
    ],
}
