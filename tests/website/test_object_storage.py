"""Media in an S3-compatible bucket (STORAGE_URL), against a real S3-protocol server (moto's
standalone server, tests/harness/s3.py): uploads through Wagtail's admin land in the bucket,
pages show them from the site's own address, private documents are served only through Wagtail's
checks and the bucket never serves them to anyone, and the worker's handout PDFs land there."""

import re
import urllib.error
import urllib.request

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from handouts.pdf import weasyprint_missing
from patients.demo_pdf import form_pdf
from tests.handouts.factories import exercise, handout_site, picture
from tests.harness.services import unavailable
from tests.harness.worker import wait_until
from tests.patients.factories import NewPatientsPageFactory
from tests.website.factories import build_site

pytestmark = pytest.mark.django_db

PUBLIC_GRANTEES = {
    "http://acs.amazonaws.com/groups/global/AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}


def image_bytes() -> bytes:
    image = picture()  # a real JPEG with pixels of its own
    with image.file.open("rb") as file:
        return file.read()


def anonymous_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def assert_private(bucket, key: str) -> None:
    """Nobody without the bucket's keys can read it: no public grant, and an unsigned GET of
    its address is refused by the server itself."""
    grants = bucket.client.get_object_acl(Bucket=bucket.name, Key=key)["Grants"]
    assert not {grant["Grantee"].get("URI") for grant in grants} & PUBLIC_GRANTEES, grants
    assert anonymous_status(bucket.public_url(key)) == 403


def test_an_image_uploaded_in_the_admin_lands_in_the_bucket_and_pages_show_it(
    s3_bucket, admin_client, home_page
):
    content = image_bytes()
    before = set(s3_bucket.keys())
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Bridge", "file": SimpleUploadedFile("bridge.jpg", content, "image/jpeg"),
         "collection": Collection.get_first_root_node().pk},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Bridge")
    assert image.file.name in set(s3_bucket.keys()) - before
    assert s3_bucket.read(image.file.name) == content
    assert_private(s3_bucket, image.file.name)

    handout_site(home_page, slug="bridge-program", exercises=[("exercise", exercise(1, image))])
    html = admin_client.get("/handouts/bridge-program/").content.decode()  # staff: no page cache
    src = re.search(r'<img[^>]+src="(/media/images/[^"]+)"', html).group(1)
    key = src.removeprefix("/media/")
    assert key in s3_bucket.keys("images/"), "the rendition is made in the bucket"
    served = admin_client.get(src)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == s3_bucket.read(key)
    assert_private(s3_bucket, key)
    # The original upload is not reachable through the site either.
    assert admin_client.get(f"/media/{image.file.name}").status_code == 404


def test_a_document_uploaded_in_the_admin_is_streamed_by_the_site_from_the_bucket(
    s3_bucket, admin_client, home_page
):
    client = Client()  # a visitor (admin_client is the `client` fixture, signed in)
    content = form_pdf("Health history", ["Name"])
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "Health history",
         "file": SimpleUploadedFile("history.pdf", content, "application/pdf"),
         "collection": Collection.get_first_root_node().pk},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    document = get_document_model().objects.get(title="Health history")
    assert document.file.name in s3_bucket.keys("documents/")
    assert_private(s3_bucket, document.file.name)

    form = {"document": document, "title": "Health history", "description": "Bring it."}
    NewPatientsPageFactory(parent=home_page, forms=[("form", form)])
    html = client.get("/new-patients/").content.decode()
    assert f'<a href="{document.url}">Health history' in html
    assert document.url.startswith("/documents/")  # the site's address, not the bucket's
    response = client.get(document.url)
    assert response.status_code == 200, "streamed by Django (serve_view), not a redirect"
    assert b"".join(response.streaming_content) == content


def test_a_private_document_needs_a_staff_session_and_the_bucket_never_serves_it(
    s3_bucket, admin_client
):
    visitor = Client()  # admin_client is the `client` fixture, signed in
    collection = Collection.get_first_root_node().add_child(name="Staff only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    content = b"%PDF-1.4\nstaff rota\n%%EOF\n"
    document = get_document_model().objects.create(
        title="Rota", collection=collection, file=SimpleUploadedFile("rota.pdf", content)
    )
    assert document.file.name in s3_bucket.keys("documents/")

    refused = visitor.get(document.url)
    assert refused.status_code == 302
    # To Wagtail's sign-in on the site itself, never to the bucket.
    assert refused["Location"] == f"/_util/login/?next={document.url}"

    allowed = admin_client.get(document.url)
    assert allowed.status_code == 200
    assert b"".join(allowed.streaming_content) == content
    assert_private(s3_bucket, document.file.name)


@pytest.mark.worker
def test_the_workers_handout_pdf_lands_in_the_bucket_and_is_served(
    s3_bucket, start_worker, client, tmp_path
):
    if weasyprint_missing():
        unavailable(weasyprint_missing())
    # The worker has a MEDIA_ROOT of its own, as another machine would: only the bucket is shared.
    worker = start_worker(MEDIA_ROOT=str(tmp_path / "worker-media"), **s3_bucket.env)
    handout = handout_site(build_site(), slug="facet-program")

    def built() -> list[str]:
        return s3_bucket.keys(f"handouts/{handout.pk}-{handout.live_revision_id}-")

    wait_until(lambda: len(built()) == 2, "both PDFs in the bucket", 90, worker)
    standard = next(key for key in built() if "-standard-" in key)
    assert_private(s3_bucket, standard)
    modified = s3_bucket.client.head_object(Bucket=s3_bucket.name, Key=standard)["ETag"]

    response = client.get("/handouts/facet-program/pdf/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == s3_bucket.read(standard)
    # Served what the worker built, not built again here.
    assert s3_bucket.client.head_object(Bucket=s3_bucket.name, Key=standard)["ETag"] == modified
    assert list(tmp_path.rglob("*.pdf")) == [], "nothing on the worker's own disk"
