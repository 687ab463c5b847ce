"""Only images Wagtail can render and PDFs; nothing a browser could run; originals stay private."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from .factories import StaffFactory, login_verified

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.fixture
def admin(client):
    login_verified(client, StaffFactory(is_superuser=True))
    return client


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def test_svg_image_upload_is_refused(admin):
    response = admin.post(
        "/admin/images/add/",
        {"title": "Logo", "file": SimpleUploadedFile("logo.svg", SVG, "image/svg+xml")},
    )
    assert response.status_code == 200
    assert "Not a supported image format" in response.content.decode()
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [("page.html", b"<script>alert(1)</script>", "text/html"), ("logo.svg", SVG, "image/svg+xml")],
)
def test_html_and_svg_documents_are_refused(admin, name, content, content_type):
    response = admin.post(
        "/admin/documents/add/",
        {"title": "Evil", "file": SimpleUploadedFile(name, content, content_type)},
    )
    assert response.status_code == 200
    assert "is not allowed. Allowed extensions are: pdf" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_pdf_documents_are_served_with_disposition_and_nosniff(admin, client, media_in_tmp):
    document = get_document_model().objects.create(
        title="Handout", file=SimpleUploadedFile("handout.pdf", b"%PDF-1.4\n%%EOF\n")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(("inline", "attachment"))
    assert 'filename="handout.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_original_images_are_not_reachable_but_renditions_are(client, media_in_tmp):
    image = get_image_model().objects.create(
        title="Clinic", file=SimpleUploadedFile("clinic.png", png_bytes(), "image/png")
    )
    assert client.get(f"/media/{image.file.name}").status_code == 404
    rendition = image.get_rendition("width-20")
    assert client.get(rendition.url).status_code == 200
