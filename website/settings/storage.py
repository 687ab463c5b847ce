"""Where uploads and generated files live: the local disk (MEDIA_ROOT) by default, or an
S3-compatible bucket named by STORAGE_URL, shared by every web node and worker.

    STORAGE_URL=s3://practice-media/site?endpoint_url=https://s3.example.com&region_name=eu-west-1

(the path is an optional prefix inside the bucket; endpoint_url for S3-compatible services
other than AWS, region_name and addressing_style are passed to boto3). Credentials come from
AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or, left empty, from boto3's own chain (an
instance role).

The bucket stays private: objects are written with no ACL (the bucket's default, private), and
nothing on the site links to the bucket. Documents are streamed by Wagtail's serve view after its
privacy checks (WAGTAILDOCS_SERVE_METHOD = "serve_view"), handout PDFs by the handout's own view,
and image renditions by website.views.serve_rendition, which keeps them under the site's own
address (the Content-Security-Policy allows images from 'self' only). A URL the storage signs
itself (none of our pages shows one) is valid for STORAGE_SIGNED_URL_SECONDS.
"""

from urllib.parse import parse_qs, urlsplit

LOCAL = "django.core.files.storage.FileSystemStorage"
S3_OPTIONS_FROM_QUERY = ("endpoint_url", "region_name", "addressing_style")


def media_storages(env) -> dict:
    """STORAGES' "default" (uploads, handout PDFs) and "renditions" (resized images)."""
    url = env("STORAGE_URL", default="")
    if not url:
        return {"default": {"BACKEND": LOCAL}, "renditions": {"BACKEND": LOCAL}}
    options = s3_options(url)
    access_key = env("AWS_ACCESS_KEY_ID", default="")
    secret_key = env("AWS_SECRET_ACCESS_KEY", default="")
    if access_key:
        options.update(access_key=access_key, secret_key=secret_key)
    options["querystring_expire"] = env.int("STORAGE_SIGNED_URL_SECONDS", default=300)
    return {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
        "renditions": {"BACKEND": "website.object_storage.RenditionStorage", "OPTIONS": options},
    }


def s3_options(url: str) -> dict:
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.hostname:
        raise ValueError("STORAGE_URL must look like s3://bucket[/prefix][?endpoint_url=…]")
    query = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    unknown = set(query) - set(S3_OPTIONS_FROM_QUERY)
    if unknown:
        raise ValueError(f"STORAGE_URL: unknown options {sorted(unknown)}")
    return {
        "bucket_name": parts.hostname,
        "location": parts.path.strip("/"),
        # Objects get the bucket's default ACL (private); never public-read.
        "default_acl": None,
        "querystring_auth": True,
        # Two uploads named alike keep both files (Wagtail names originals after the upload).
        "file_overwrite": False,
        **query,
    }
