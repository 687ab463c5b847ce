"""Headless Chromium (Debian's package, never a downloaded build) driven by Playwright, and
axe-core run inside the page for accessibility checks."""

import asyncio
import os
from pathlib import Path

import axe_playwright_python
import pytest
from django.db import connections

from .services import unavailable

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Without these, Chromium tries to reach Google's services at start-up on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


def current_connections() -> dict:
    return {alias: connections[alias] for alias in connections}


def use_connections(objects: dict) -> None:
    for alias, connection in objects.items():
        connections[alias] = connection


class Chromium:
    """Chromium under Playwright, started by the first test of this process that needs it and
    kept until the process ends: a launch costs ~1 s of CPU (Playwright's driver, then Chromium),
    once per process instead of once per browser-test module.

    Playwright's event loop counts as running in this thread from its start to its stop (its
    sync calls mark it so), and while it runs Django keeps its database connections in a context
    variable instead of the thread-local, and refuses ORM calls unless DJANGO_ALLOW_ASYNC_UNSAFE
    is set. So the loop is marked running only for the length of a browser test (`resume`) and
    unmarked after it (`pause`), as Playwright itself leaves it between two of its calls, and the
    same connection objects are handed across both ways: a new object would lack the test-database
    state pytest-django keeps on it (the serialized contents that put back what migrations
    created after a transactional test). Every other test sees no loop and keeps Django's check.
    """

    def __init__(self):
        self.manager = None
        self.browser = None
        self.loop = None
        self.outside_async_unsafe = None

    def resume(self):
        outside = current_connections()
        self.outside_async_unsafe = os.environ.get(ASYNC_UNSAFE)
        os.environ[ASYNC_UNSAFE] = "true"
        if self.manager is None:
            from playwright.sync_api import sync_playwright

            self.manager = sync_playwright()
            playwright = self.manager.__enter__()
            self.loop = asyncio.get_running_loop()
            use_connections(outside)
            try:
                self.browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, args=CHROMIUM_ARGS
                )
            except BaseException:
                self.stop()
                raise
        else:
            asyncio._set_running_loop(self.loop)
            use_connections(outside)
        return self.browser

    def pause(self) -> None:
        inside = current_connections()
        asyncio._set_running_loop(None)
        use_connections(inside)
        if self.outside_async_unsafe is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = self.outside_async_unsafe

    def stop(self) -> None:
        if self.manager is None:
            return
        if asyncio._get_running_loop() is None:
            self.resume()
        try:
            if self.browser is not None:
                self.browser.close()
        finally:
            inside = current_connections()
            self.manager.__exit__(None, None, None)
            self.manager = self.browser = self.loop = None
            self.pause()
            use_connections(inside)


@pytest.fixture(scope="session")
def _chromium():
    chromium = Chromium()
    yield chromium
    chromium.stop()


@pytest.fixture
def browser(_chromium):
    if not Path(CHROMIUM).exists():
        unavailable(f"no Chromium at {CHROMIUM} (apt-get install -y chromium)")
    try:
        yield _chromium.resume()
    finally:
        _chromium.pause()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


# Every rule of the tags still runs on the whole page; `resultTypes` only spares axe listing each
# node that passed (or was incomplete, or inapplicable), and only the violations come back over
# the DevTools protocol: a third less CPU per page than the full result, which was thrown away.
AXE_RUN = """async (tags) => (await axe.run(document, {
  runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
})).violations"""


def axe_violations(page, tags=tuple(WCAG_22_AA)) -> list[dict]:
    """Runs axe-core in the page (through the DevTools protocol, so the page's CSP allows it)."""
    page.evaluate(AXE_SOURCE)
    return page.evaluate(AXE_RUN, list(tags))


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node['target']}" for node in violation["nodes"][:5])
    return "\n".join(lines)


def assert_no_axe_violations(page) -> None:
    violations = axe_violations(page)
    assert not violations, "axe-core found:\n" + describe(violations)


def assert_no_sideways_scroll(page) -> None:
    """Nothing wider than the viewport (320 px on `phone_page`): no scrolling sideways."""
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow == 0, f"{page.url} scrolls sideways by {overflow}px"


# WCAG's contrast ratio, and the colours a focused element's ring is drawn in (its outline and
# any box-shadow rings), against the first opaque background behind it.
FOCUS_RING_SCRIPT = """(selector) => {
  const el = document.querySelector(selector);
  el.focus();
  if (!el.matches(':focus-visible')) return null;
  const style = getComputedStyle(el);
  const colours = [];
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) {
    colours.push(style.outlineColor);
  }
  for (const match of style.boxShadow.matchAll(/rgba?\\([^)]*\\)/g)) colours.push(match[0]);
  let node = el.parentElement, surface = 'rgb(255, 255, 255)';
  while (node) {
    const bg = getComputedStyle(node).backgroundColor;
    if (bg && !bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') { surface = bg; break; }
    node = node.parentElement;
  }
  return {colours, surface};
}"""


def relative_luminance(rgb: str) -> float:
    import re

    red, green, blue = (int(part) / 255 for part in re.findall(r"\d+(?:\.\d+)?", rgb)[:3])

    def linear(channel):
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def focus_ring_contrast(page, selector: str) -> float:
    """The best contrast any tone of the element's focus ring has against the surface behind it
    (a two-tone ring shows by whichever tone stands out there)."""
    ring = page.evaluate(FOCUS_RING_SCRIPT, selector)
    assert ring is not None, f"{selector} shows no :focus-visible ring"
    assert ring["colours"], f"{selector} has no focus ring"
    return max(contrast_ratio(colour, ring["surface"]) for colour in ring["colours"])
