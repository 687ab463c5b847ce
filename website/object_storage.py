"""The bucket's storage for image renditions (website/settings/storage.py).

Renditions are written to the private bucket like every other upload, but their URL is the site's
own (`/media/images/<name>`), served by website.views.serve_rendition from the bucket: pages link
images on 'self' (the Content-Security-Policy allows no other host), a cached page never holds a
signed URL that expires before it does, and nothing ever links to the bucket itself.
"""

from django.conf import settings
from storages.backends.s3 import S3Storage


class RenditionStorage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return f"{settings.MEDIA_URL}{name.lstrip('/')}"
