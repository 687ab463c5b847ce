"""The demo's New patients page (with two forms to print, as PDF documents), its insurance plans
and its questions page (patients/demo_content.py).

Safe to run again: pages are found by slug, documents by title and plans by name, and each is
made only when missing, so staff edits survive.
"""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from website.demo_pages import ensure_published_child
from website.models import HomePage

from . import demo_content as seed
from .demo_pdf import form_pdf
from .models import InsurancePlan, NewPatientsPage, QuestionsPage


def load(stdout) -> None:
    home = HomePage.objects.first()
    faqs = seed.QUESTIONS["faqs"]
    for name, notes in seed.INSURANCE_PLANS:
        InsurancePlan.objects.get_or_create(name=name, defaults={"notes": notes})
    if not NewPatientsPage.objects.exists():
        page = NewPatientsPage(
            **seed.NEW_PATIENTS,
            forms=[
                ("form", {"document": _document(title, lines), "title": title, "description": d})
                for title, d, lines in seed.FORMS
            ],
        )
        ensure_published_child(
            home, NewPatientsPage.objects.none(), page, stdout, "new patients page created"
        )
    ensure_published_child(
        home,
        QuestionsPage.objects.filter(slug=seed.QUESTIONS["slug"]),
        QuestionsPage(
            **{
                **seed.QUESTIONS,
                "faqs": [("faq", {"question": q, "answer": a}) for q, a in faqs],
            }
        ),
        stdout,
        "questions page created",
    )


def _document(title: str, lines: list[str]):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        slug = title.lower().replace(" ", "-")
        content = form_pdf(title, lines)
        document.file.save(f"{slug}.pdf", ContentFile(content), save=False)
        document.file_size = len(content)
        document.save()
    return document
