"""The one step every app's demo.py repeats: find a page that is already there, or add it under
its parent and publish it. Finding first is what makes `load_demo` safe to run again."""

from django.db.models import QuerySet
from wagtail.models import Page


def ensure_published_child(
    parent: Page, existing: QuerySet, page: Page, stdout, message: str
) -> tuple[Page, bool]:
    """Returns (the page, whether it was created now)."""
    found = existing.first()
    if found is not None:
        return found, False
    parent.add_child(instance=page)
    page.save_revision().publish()
    stdout.write(f"  {message}")
    return page, True
