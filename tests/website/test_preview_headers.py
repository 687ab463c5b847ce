"""Every page type of the demo, in every preview mode, previews with the public page's policy
except that the admin may frame it; the same pages served to the public stay unframeable."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def test_every_page_type_and_preview_mode_may_be_framed_by_the_admin_only(demo, client, admin_user):
    pages = [p.specific for p in Page.objects.filter(depth__gt=1).live()]
    types = {type(p) for p in pages}
    assert len(types) >= 8, types  # the demo has every page type
    checked = set()
    for page in pages:
        for mode, _label in page.preview_modes:
            original = RequestFactory().get(f"/admin/pages/{page.pk}/edit/preview/")
            original.user = admin_user
            response = page.make_preview_request(original, mode)
            assert response.status_code == 200, (page, mode)
            policy = response["Content-Security-Policy"]
            assert "frame-ancestors 'self'" in policy, (page, mode, policy)
            assert "'unsafe-inline'" not in policy  # still the public page's strict policy
            assert response["X-Frame-Options"] == "SAMEORIGIN"
            checked.add((type(page).__name__, mode))
        public = client.get(page.url)
        if public.status_code == 200:
            assert "frame-ancestors 'none'" in public["Content-Security-Policy"], page
            assert public["X-Frame-Options"] == "DENY"
    assert ("HandoutPage", "large-print") in checked
    assert ("AppointmentRequestPage", "thank-you") in checked
