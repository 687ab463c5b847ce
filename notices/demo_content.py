"""Demo wording of the notices, written for the fictional Lakeside Spine & Pain Center. Each is
left "not reviewed by our compliance officer", so the admin marks it for review before the
practice publishes it as its own; none of it is legal advice."""

from datetime import date

EFFECTIVE = date(2027, 1, 1)


def h2(text: str) -> tuple:
    return ("heading", {"text": text, "level": "h2"})


def p(*paragraphs: str) -> tuple:
    return ("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))


def ul(*items: str) -> tuple:
    return ("paragraph", "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


PRIVACY_PRACTICES = {
    "title": "Notice of Privacy Practices",
    "slug": "notice-of-privacy-practices",
    "intro": "How we may use and share your medical information, and how you can get it. "
    "Please read it carefully.",
    "body": [
        p(
            "This notice is about your health information as a patient of Lakeside Spine &amp; "
            "Pain Center, on paper, in our records system and in what you tell us. Our website "
            "privacy notice (linked at the foot of every page) is about something else: what "
            "this website does with what you type into it, such as an appointment request."
        ),
        h2("Your rights"),
        ul(
            "Get an electronic or paper copy of your medical record.",
            "Ask us to correct your medical record if you think it is incorrect or incomplete.",
            "Ask us to contact you in a specific way (for example, a home or office phone) or "
            "to send mail to a different address.",
            "Ask us not to use or share certain information for treatment, payment or our "
            "operations, and not to share with your health insurer what you paid for in full "
            "yourself.",
            "Get a list of those with whom we have shared your information.",
            "Get a paper copy of this notice at any time, even if you agreed to get it "
            "electronically.",
            "Choose someone to act for you, such as a health care power of attorney.",
            "File a complaint if you feel your rights are violated.",
        ),
        h2("Your choices"),
        p(
            "You can tell us whether to share information with your family, close friends or "
            "others involved in your care. We never sell your information or use it for "
            "marketing without your written permission."
        ),
        h2("How we use and share your information"),
        ul(
            "To treat you: for example, a physician treating you asks another physician about "
            "your overall condition.",
            "To run our practice: for example, to improve your care and contact you when "
            "necessary.",
            "To bill for your services: for example, we give information about you to your "
            "health insurance plan so it will pay for your services.",
            "When the law allows or requires it: public health and safety, research, "
            "responding to lawsuits and legal actions, and requests from government agencies.",
        ),
        h2("Our responsibilities"),
        p(
            "We are required by law to keep your health information private and secure, to "
            "tell you promptly if a breach may have compromised it, to follow the duties and "
            "privacy practices described in this notice and to give you a copy of it. We can "
            "change the terms of this notice; the new notice will be available on request, in "
            "our office and on this website."
        ),
        h2("Questions and complaints"),
        p(
            "Contact our Privacy Officer at (312) 555-0142 or at our office. You can also file "
            "a complaint with the U.S. Department of Health and Human Services Office for Civil "
            "Rights at www.hhs.gov/ocr/privacy/hipaa/complaints/ or 1-877-696-6775. We will not "
            "retaliate against you for filing a complaint."
        ),
    ],
}

NONDISCRIMINATION = {
    "title": "Nondiscrimination notice",
    "slug": "nondiscrimination",
    "intro": "We treat everyone fairly, and we offer free help in your language and with "
    "disabilities.",
    "body": [
        p(
            "Lakeside Spine &amp; Pain Center complies with applicable Federal civil rights "
            "laws and does not discriminate on the basis of race, color, national origin, age, "
            "disability or sex. We do not exclude people or treat them differently because of "
            "these."
        ),
        h2("Free aids and services"),
        ul(
            "For people with disabilities: qualified sign language interpreters, and written "
            "information in other formats (large print, audio, accessible electronic formats).",
            "For people whose primary language is not English: qualified interpreters, and "
            "information written in other languages.",
        ),
        p(
            "If you need these services, tell our front desk or call (312) 555-0142 and ask "
            'for our Civil Rights Coordinator. <a href="/language-assistance/">Free language '
            "assistance</a> is described in many languages."
        ),
        h2("If you believe we have discriminated"),
        p(
            "You can file a grievance with our Civil Rights Coordinator, 1200 W. Example "
            "Avenue, Suite 300, Chicago, IL 60607, (312) 555-0142, in person, by mail or by "
            "phone; the coordinator is available to help you. You can also file a civil rights "
            "complaint with the U.S. Department of Health and Human Services, Office for Civil "
            "Rights, at ocrportal.hhs.gov, or by phone at 1-800-368-1019 (TDD 1-800-537-7697)."
        ),
    ],
}

LANGUAGE_ASSISTANCE = {
    "title": "Free language assistance",
    "slug": "language-assistance",
    "intro": "Free interpreters and translated information, and free aids for people with "
    "disabilities, in many languages.",
    "body": [
        p(
            "We provide free language assistance services, and free aids and services for "
            "people with disabilities, so you can talk with us and understand your care. Ask "
            "our front desk, or call us. Below, the same in the languages most spoken in "
            "Illinois."
        ),
    ],
}

GOOD_FAITH_ESTIMATE = {
    "title": "Your right to a good faith estimate",
    "slug": "good-faith-estimate",
    "intro": "If you do not have insurance or will not use it, you can ask us what your care "
    "will cost before you have it.",
    "body": [
        p(
            "You have the right to receive a “Good Faith Estimate” explaining how much your "
            "medical care will cost. Under the law, health care providers need to give "
            "patients who don't have insurance or who are not using insurance an estimate of "
            "the bill for medical items and services."
        ),
        ul(
            "You have the right to receive a Good Faith Estimate for the total expected cost "
            "of any non-emergency items or services, including related costs like medical "
            "tests, prescription drugs, equipment and hospital fees.",
            "Make sure your health care provider gives you a Good Faith Estimate in writing at "
            "least 1 business day before your medical service or item. You can also ask your "
            "health care provider for a Good Faith Estimate before you schedule an item or "
            "service.",
            "If you receive a bill that is at least $400 more than your Good Faith Estimate, "
            "you can dispute the bill.",
            "Make sure to save a copy or picture of your Good Faith Estimate.",
        ),
        h2("How to ask us for one"),
        p(
            "Tell us when you book, or call (312) 555-0142 and say you are uninsured or paying "
            "yourself. We send the estimate in writing."
        ),
        p(
            "For questions or more information about your right to a Good Faith Estimate, "
            "visit www.cms.gov/nosurprises or call 1-800-985-3059."
        ),
    ],
}

ACCESSIBILITY = {
    "title": "Accessibility statement",
    "slug": "accessibility",
    "intro": "We want everyone to be able to use this website, and to get our information "
    "another way if they need to.",
    "body": [
        h2("The standard we aim for"),
        p(
            "This website aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at "
            "level AA. It works with a keyboard alone and with screen readers, and fits a "
            "phone's screen without scrolling sideways. Every handout has a large-print version "
            "and a PDF."
        ),
        h2("How we test it"),
        ul(
            "Every kind of page is checked automatically with axe-core, on a phone-sized and a "
            "desktop-sized screen, each time the website changes.",
            "We check new pages with a keyboard and a screen reader before they go live.",
            "Colours are chosen for a contrast of at least 4.5 to 1 for text.",
        ),
        h2("Report a barrier, or get information another way"),
        p(
            "If something on this website is hard to use, or you need information in another "
            "format (large print, read to you over the phone, by mail), call us at (312) "
            "555-0142 or email frontdesk@example.com. Tell us the page and what went wrong; "
            "we reply within two business days."
        ),
    ],
}

NOTICES = [
    PRIVACY_PRACTICES,
    NONDISCRIMINATION,
    LANGUAGE_ASSISTANCE,
    GOOD_FAITH_ESTIMATE,
    ACCESSIBILITY,
]
