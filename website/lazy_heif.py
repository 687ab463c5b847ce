"""HEIF/HEIC images (iPhone photos) keep working, but pillow-heif loads only when one is opened or
saved: about 10 MB that every gunicorn worker carried from startup, though no public page opens an
image (renditions are made once, when an editor or the first view asks for them).

Willow (Wagtail's image library) imports `pillow_heif.HeifImagePlugin` when it is first imported,
which registers HEIF with Pillow. `install()`, called from website/apps.py before wagtail.images
imports Willow, imports Willow with that import failing (Willow skips it, as on a server without
pillow-heif) and registers small stand-ins with Pillow under the same format name. The first HEIF
file Pillow is asked to open, or the first HEIF save, imports the real plugin, which replaces the
stand-ins, and hands over to it. tests/website/test_lazy_heif.py pins the internals this relies
on (Willow's import, Pillow's registries, pillow-heif's format name and accepted brands).
"""

import sys

FORMAT = "HEIF"  # pillow_heif.as_plugin.HeifImageFile.format
EXTENSIONS = [".heic", ".heics", ".heif", ".heifs", ".hif"]
MIME = "image/heif"
# The `ftyp` brands pillow-heif opens (pillow_heif.as_plugin._is_supported_heif); AVIF, which
# Pillow opens itself, is not one of them, so an AVIF never loads pillow-heif.
BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1", b"msf1")


def install() -> None:
    """Import Willow without pillow-heif and register the stand-ins. Does nothing when Willow was
    imported already (it then loaded pillow-heif itself) or pillow-heif is not installed."""
    if "willow" in sys.modules or "pillow_heif" in sys.modules:
        return
    from importlib.util import find_spec

    if find_spec("pillow_heif") is None:
        return
    sys.modules["pillow_heif"] = None  # `import pillow_heif` raises ImportError meanwhile
    try:
        import willow  # noqa: F401
    finally:
        del sys.modules["pillow_heif"]
    from PIL import Image

    Image.register_open(FORMAT, _open, accept)
    Image.register_save(FORMAT, _save)
    Image.register_save_all(FORMAT, _save_all)
    Image.register_mime(FORMAT, MIME)
    Image.register_extensions(FORMAT, EXTENSIONS)


def accept(prefix: bytes) -> bool:
    return prefix[4:8] == b"ftyp" and prefix[8:12] in BRANDS


def load() -> None:
    """The real plugin: importing it registers HEIF with Pillow again, replacing the stand-ins."""
    from pillow_heif import HeifImagePlugin  # noqa: F401


def _real(registry: str, stand_in):
    """The plugin's own entry in one of Pillow's registries, loading the plugin first."""
    load()
    from PIL import Image

    entry = getattr(Image, registry)[FORMAT]
    if (entry[0] if registry == "OPEN" else entry) is stand_in:
        # Never call ourselves again: pillow-heif registered under another name.
        raise RuntimeError(f"pillow-heif did not register {FORMAT} with Pillow")
    return entry


def _open(fp, filename=None):
    factory, _ = _real("OPEN", _open)
    return factory(fp, filename)


def _save(im, fp, filename):
    return _real("SAVE", _save)(im, fp, filename)


def _save_all(im, fp, filename):
    return _real("SAVE_ALL", _save_all)(im, fp, filename)
