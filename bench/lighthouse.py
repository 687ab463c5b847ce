"""`make lighthouse`: Lighthouse's four scores (performance, accessibility, best practices, SEO)
for every public page type, in English and in Spanish where the demo has the page, on the demo
site in production settings (the bench's site under var/bench/, gunicorn, page cache on).

Lighthouse is the npm package, installed with the machine's npm under var/tools/lighthouse (12.x:
13 wants Node 22, Debian has 20), and drives Debian's Chromium (CHROME_PATH, /usr/bin/chromium).
Not part of `make test`: scores are figures to read, like the bench's, not pass/fail tests.
Writes var/lighthouse.json. LIGHTHOUSE_PRESET=desktop scores the desktop layout (default: mobile,
Lighthouse's own default, with its simulated slow network and CPU). Search results are `noindex`
by design, which Lighthouse's SEO category counts against them.
"""

import json
import os
import shutil
import subprocess
import sys

from .server import BENCH_DIR, ROOT, Gunicorn, bench_environment, build_site

LIGHTHOUSE_VERSION = "12.8.2"
TOOLS = ROOT / "var" / "tools" / "lighthouse"
CLI = TOOLS / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Every public page type; each is scored on its first page in the page tree, in each language.
PAGE_TYPES = (
    "website.HomePage",
    "website.StandardPage",
    "blog.BlogIndexPage",
    "blog.ArticlePage",
    "physicians.PhysicianIndexPage",
    "physicians.PhysicianPage",
    "handouts.HandoutIndexPage",
    "handouts.HandoutPage",
    "hours.HolidayHoursPage",
    "locations.LocationIndexPage",
    "locations.LocationPage",
    "locations.ContactPage",
    "conditions.ConditionIndexPage",
    "conditions.ConditionPage",
    "conditions.TreatmentPage",
    "notices.NoticePage",
    "patients.NewPatientsPage",
    "patients.QuestionsPage",
    "appointments.AppointmentRequestPage",
)
EXTRA_PATHS = {"search en": "/search/?q=back+pain", "search es": "/es/search/?q=espalda"}


def install() -> None:
    if CLI.exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is not installed (apt-get install npm)")
    TOOLS.mkdir(parents=True, exist_ok=True)
    print(f"Installing lighthouse {LIGHTHOUSE_VERSION} under {TOOLS.relative_to(ROOT)}…")
    subprocess.run(
        [npm, "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund",
         f"lighthouse@{LIGHTHOUSE_VERSION}"],
        check=True,
    )  # fmt: skip


def page_paths() -> dict[str, str]:
    from django.apps import apps
    from wagtail.models import Page

    paths = {}
    for label in PAGE_TYPES:
        for language in ("en", "es"):
            pages = Page.objects.live().type(apps.get_model(label))
            page = pages.filter(locale__language_code=language).order_by("path").first()
            if page is not None:
                paths[f"{label.split('.')[1]} {language}"] = page.url
    return paths | EXTRA_PATHS


def scores(url: str, chrome: str) -> dict[str, int]:
    command = [
        str(CLI), url, "--output=json", "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage",
    ]  # fmt: skip
    if preset := os.environ.get("LIGHTHOUSE_PRESET"):
        command.append(f"--preset={preset}")
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=True,
        env=os.environ | {"CHROME_PATH": chrome},
    )
    report = json.loads(result.stdout)
    return {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}


def main() -> int:
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not os.path.exists(chrome):
        raise SystemExit(f"no Chromium at {chrome} (apt-get install chromium, or set CHROME_PATH)")
    install()
    env = bench_environment()
    if not (BENCH_DIR / "db.sqlite3").exists():
        build_site(env)
    os.environ.update(env)
    import django

    django.setup()
    paths = page_paths()
    found = {}
    print(f"  {'page':28} {'  '.join(f'{c[:4]:>4}' for c in CATEGORIES)}")
    with Gunicorn(env) as server:
        for name, path in paths.items():
            for _attempt in (1, 2):  # Lighthouse sometimes loses a trace (NO_NAVSTART): once more
                try:
                    found[name] = {"path": path, **scores(server.url + path, chrome)}
                    break
                except subprocess.CalledProcessError as failed:
                    found[name] = {"path": path, "error": failed.stderr.strip()[-300:]}
            row = found[name]
            figures = "  ".join(f"{row.get(c, '-'):>4}" for c in CATEGORIES)
            print(f"  {name:28} {figures}  {path}", flush=True)
    (ROOT / "var" / "lighthouse.json").write_text(json.dumps(found, indent=2))
    perfect = [n for n, row in found.items() if all(row.get(c) == 100 for c in CATEGORIES)]
    print(f"\n{len(perfect)} of {len(found)} pages at 100/100/100/100 (performance, accessibility,")
    print("best practices, SEO); written to var/lighthouse.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
