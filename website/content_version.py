"""The tables website/invalidation.py writes in the transaction of each change (explained there)."""

from django.db import models


class ContentVersion(models.Model):
    """The one row whose tokens change with every change to what visitors see."""

    token = models.BigIntegerField()  # every change
    site_token = models.BigIntegerField(default=0)  # site-wide changes only
    changed_at = models.DateTimeField()

    class Meta:
        app_label = "website"

    def __str__(self):
        return f"content version {self.token:x} ({self.changed_at:%Y-%m-%d %H:%M:%S})"


class PageDrop(models.Model):
    """A page whose cached copies a page change dropped, while the rest of the site's stayed.
    Not a foreign key: a deleted page's row ages out like the others."""

    page_id = models.BigIntegerField(primary_key=True)
    token = models.BigIntegerField()
    dropped_at = models.DateTimeField(db_index=True)

    class Meta:
        app_label = "website"

    def __str__(self):
        return f"page {self.page_id} dropped at {self.dropped_at:%Y-%m-%d %H:%M:%S}"
