from django.apps import AppConfig


class HandoutsConfig(AppConfig):
    name = "handouts"
    verbose_name = "Patient handouts"

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published, page_unpublished

        from .models import HandoutPage
        from .signals import queue_pdf_build, remove_page_pdfs

        page_published.connect(queue_pdf_build, sender=HandoutPage)
        page_unpublished.connect(remove_page_pdfs, sender=HandoutPage)
        post_delete.connect(remove_page_pdfs, sender=HandoutPage)
