"""QR codes that take a patient from paper to the web version of their handout."""

from functools import lru_cache

import segno


# Choosing the best mask is most of a page's rendering time; a handout's address rarely changes.
@lru_cache(maxsize=512)
def qr_svg_data_uri(url: str) -> str:
    """An SVG QR code as a data: URI (allowed by our CSP, sharp at any print size): black on
    white with the four-module quiet zone phone cameras need; medium error correction survives
    a crease or a coffee ring."""
    code = segno.make(url, error="m", micro=False)
    return code.svg_data_uri(scale=4, border=4, dark="#000", light="#fff")
