"""/media/images/ serves image renditions and nothing else: not the original uploads beside them,
not documents of a collection only signed-in staff may see, not files outside MEDIA_ROOT, however
the path is spelled."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.handouts.factories import picture

pytestmark = pytest.mark.django_db

# Each spelling a client can send for `images/../<target>`, where target is a file's name under
# MEDIA_ROOT (target_backslashed: with Windows separators).
SPELLINGS = [
    "/media/images/../{target}",
    "/media/images/%2e%2e/{target}",
    "/media/images/%2E%2E/{target}",
    "/media/images/.%2e/{target}",
    "/media/images/%2e./{target}",
    "/media/images%2f..%2f{target}",
    "/media/images/..%2f{target}",
    "/media/images/./../{target}",
    "/media/images//../{target}",
    "/media/images/sub/../../{target}",
    "/media/images/sub/%2e%2e/%2e%2e/{target}",
    "/media/images/..%5c{target_backslashed}",
    "/media/images/%2e%2e%5c{target_backslashed}",
    "/media/images\\..\\{target_backslashed}",
    "/media/images/%2e%2e/{target}%00.png",
]


@pytest.fixture
def image(media_in_tmp):
    """An uploaded image with pixels of its own (see picture()): its rendition is made afresh in
    this test's MEDIA_ROOT, not taken from Wagtail's cache of an earlier test's."""
    return picture()


@pytest.fixture
def staff_only_document(media_in_tmp):
    collection = Collection.get_first_root_node().add_child(name="Staff only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return get_document_model().objects.create(
        title="Rota",
        collection=collection,
        file=SimpleUploadedFile("rota.pdf", b"%PDF-1.4\nstaff rota\n%%EOF\n"),
    )


def assert_not_served(client, url: str) -> None:
    # A NUL is refused as malformed wherever it appears (website/request_guard.py).
    expected = 400 if "%00" in url else 404
    assert client.get(url).status_code == expected, url


def spellings(target: str) -> list[str]:
    return [
        spelling.format(target=target, target_backslashed=target.replace("/", "%5c"))
        for spelling in SPELLINGS
    ]


def test_a_rendition_is_served(client, image):
    rendition = image.get_rendition("width-20")
    response = client.get(rendition.url)
    assert response.status_code == 200
    with rendition.file.open("rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()


def test_original_uploads_are_never_served_however_the_path_is_spelled(client, image):
    assert image.file.name.startswith("original_images/")
    for url in spellings(image.file.name):
        assert_not_served(client, url)


def test_restricted_documents_are_never_served_however_the_path_is_spelled(
    client, staff_only_document
):
    # Through its own URL the document asks an anonymous visitor to sign in.
    assert client.get(staff_only_document.url).status_code == 302
    assert staff_only_document.file.name.startswith("documents/")
    for url in spellings(staff_only_document.file.name):
        assert_not_served(client, url)


def test_files_outside_media_root_are_never_served(client, media_in_tmp, image):
    (media_in_tmp.parent / "secret.txt").write_text("not for the public")
    for url in spellings("../secret.txt"):
        assert_not_served(client, url)


def test_a_link_in_the_renditions_folder_does_not_lead_out_of_it(client, media_in_tmp, image):
    rendition = image.get_rendition("width-20")
    (media_in_tmp / "images" / "shortcut.png").symlink_to(media_in_tmp / image.file.name)
    assert client.get(rendition.url).status_code == 200
    assert client.get("/media/images/shortcut.png").status_code == 404
