"""Wagtail's page router only sees paths made of words and slashes, so a page's feed with a file
extension (/holiday-hours/closures.ics) would never reach it. This pattern passes such paths to
Wagtail's own view; the holiday hours page (a RoutablePageMixin) answers "closures.ics"."""

from django.urls import re_path
from wagtail import views as wagtail_views

urlpatterns = [
    re_path(r"^((?:[\w\-]+/)*[\w\-]+\.ics)$", wagtail_views.serve, name="hours_calendar_feed"),
]
