"""Production static files: hashed names (cache forever) and pre-compressed copies."""

import json

from whitenoise.middleware import WhiteNoiseMiddleware


def test_collectstatic_hashes_and_compresses_and_whitenoise_caches_forever(
    collected_static, settings
):
    manifest = json.loads((collected_static / "staticfiles.json").read_text())["paths"]
    hashed = manifest["website/css/site.css"]
    assert hashed != "website/css/site.css"
    assert (collected_static / hashed).exists()
    assert (collected_static / f"{hashed}.gz").exists() or (
        collected_static / f"{hashed}.br"
    ).exists()

    # WhiteNoise marks hashed files immutable for a year, unhashed ones for a short time.
    settings.STATIC_ROOT = collected_static
    settings.WHITENOISE_USE_FINDERS = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    middleware = WhiteNoiseMiddleware(lambda request: None)
    assert middleware.immutable_file_test("", f"/static/{hashed}")
    assert not middleware.immutable_file_test("", "/static/website/css/site.css")
