"""A real S3-protocol server on 127.0.0.1 (moto's standalone server, in a thread of the test
process), and the site's media storage pointed at a fresh bucket of it.

Web servers and Celery workers the test starts are other processes: they reach the same server
over HTTP with `bucket.env` (STORAGE_URL and the credentials), as nodes reach a real bucket.
"""

import uuid

import pytest

from .services import free_port, unavailable

ACCESS_KEY, SECRET_KEY, REGION = "test-access-key", "test-secret-key", "us-east-1"


class S3Server:
    def __init__(self):
        from moto.server import ThreadedMotoServer

        self.port = free_port()
        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self.server.start()
        self.url = f"http://127.0.0.1:{self.port}"

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.url,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name=REGION,
        )

    def stop(self) -> None:
        self.server.stop()


class Bucket:
    """One bucket of the server: its name, a boto3 client, and the environment that points the
    site's media storage at it."""

    def __init__(self, server: S3Server):
        self.server = server
        self.name = f"media-{uuid.uuid4().hex[:12]}"
        self.client = server.client()
        self.client.create_bucket(Bucket=self.name)
        self.env = {
            "STORAGE_URL": (
                f"s3://{self.name}?endpoint_url={server.url}&region_name={REGION}"
                "&addressing_style=path"
            ),
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        }

    def keys(self, prefix: str = "") -> list[str]:
        listing = self.client.list_objects_v2(Bucket=self.name, Prefix=prefix)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def public_url(self, key: str) -> str:
        """The object's address as anyone on the internet would ask for it (no signature)."""
        return f"{self.server.url}/{self.name}/{key}"


@pytest.fixture(scope="session")
def s3_server():
    try:
        import boto3  # noqa: F401
        from moto.server import ThreadedMotoServer  # noqa: F401
    except ImportError as error:
        unavailable(f"moto[server] and boto3 are needed for the S3 tests: {error}")
    server = S3Server()
    yield server
    server.stop()


@pytest.fixture
def s3_bucket(s3_server, settings, monkeypatch):
    """A fresh bucket, and this process's media storage in it (as STORAGE_URL would set it)."""
    import environ

    from website.settings.storage import media_storages

    bucket = Bucket(s3_server)
    for name, value in bucket.env.items():
        monkeypatch.setenv(name, value)
    settings.STORAGES = {**settings.STORAGES, **media_storages(environ.Env())}
    # Django resolves a FileField's callable storage once, when the model is loaded: point
    # Wagtail's rendition field at the new one (a process started with STORAGE_URL has it).
    from django.core.files.storage import storages
    from wagtail.images import get_image_model

    field = get_image_model().get_rendition_model()._meta.get_field("file")
    monkeypatch.setattr(field, "storage", storages["renditions"])
    return bucket
