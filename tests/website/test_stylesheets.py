"""The stylesheets (website/static/website/css/): what pages link, and colours only from tokens."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static

from handouts.pdf import PDF_STYLESHEETS

CSS_DIR = Path(finders.find("website/css/tokens.css")).parent
# A colour written out: #hex, a colour function, or a colour keyword standing as a value.
RAW_COLOUR = re.compile(
    r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|"
    r":\s*(?:black|white|red|green|blue|gray|grey|yellow|orange)\b"
)


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stylesheets = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.stylesheets.append((attrs["href"], attrs.get("media")))


@pytest.mark.django_db
def test_pages_block_on_tokens_and_site_css_only_and_print_css_waits(client, home_page):
    parser = Links()
    parser.feed(client.get("/").content.decode())
    assert parser.stylesheets == [
        (static("website/css/tokens.css"), None),
        (static("website/css/site.css"), None),
        (static("website/css/print.css"), "print"),  # a print stylesheet never delays the page
    ]


@pytest.mark.parametrize(
    "name", sorted({"site.css", "print.css", *PDF_STYLESHEETS} - {"tokens.css"})
)
def test_every_colour_comes_from_a_token(name):
    text = re.sub(r"/\*.*?\*/", "", (CSS_DIR / name).read_text(), flags=re.DOTALL)
    assert RAW_COLOUR.findall(text) == [], f"{name}: name a custom property from tokens.css"


def test_every_token_a_stylesheet_names_is_defined():
    defined = set(re.findall(r"(--[\w-]+)\s*:", (CSS_DIR / "tokens.css").read_text()))
    for path in CSS_DIR.glob("*.css"):
        used = set(re.findall(r"var\((--[\w-]+)", path.read_text()))
        assert used <= defined, f"{path.name} names undefined tokens: {sorted(used - defined)}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path", "extra", "status"),
    [
        ("get", "/%00/", {}, 400),  # a NUL in the address
        ("post", "/", {"data": {"reason": "x" * 100_000}}, 413),  # over PUBLIC_REQUEST_MAX_BYTES
    ],
)
def test_refusal_pages_have_the_design_tokens_their_styles_name(
    client, method, path, extra, status
):
    """site.css takes every colour and size from tokens.css: a page without it is unstyled."""
    response = getattr(client, method)(path, **extra)
    assert response.status_code == status
    parser = Links()
    parser.feed(response.content.decode())
    assert parser.stylesheets == [
        (static("website/css/tokens.css"), None),
        (static("website/css/site.css"), None),
    ]
