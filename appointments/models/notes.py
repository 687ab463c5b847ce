"""The front desk's notes on a request: a timeline, each note with its author and time, added
and never edited or overwritten (the inbox's edit form only appends)."""

from django.conf import settings
from django.db import models

from .requests import AppointmentRequest


class RequestNote(models.Model):
    appointment = models.ForeignKey(
        AppointmentRequest, on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_at = models.DateTimeField(auto_now_add=True)
    text = models.TextField()

    class Meta:
        ordering = ["-written_at", "-pk"]
        verbose_name = "note on a request"

    def __str__(self):
        # Never the note's words: labels end up in the admin's history.
        return f"Note #{self.pk} on request #{self.appointment_id}"

    @property
    def author_name(self) -> str:
        if self.author is None:
            return "A former staff member"
        return self.author.get_full_name() or self.author.get_username()
