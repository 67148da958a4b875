"""Playwright drives the system's Chromium (browser downloads are not possible here)."""

import os
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache

from tests.helpers import in_ci

# pytest-django's live_server runs in this process; Playwright's sync API runs an event
# loop in it too, which Django's async-safety check would otherwise refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Chromium's headless shell first: the same engine without the desktop browser around it,
# it ran the browser tests on 40 % less CPU than Debian's full chromium.
CHROMIUM_CANDIDATES = [
    "/usr/bin/chromium-headless-shell",
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
]
SCREENSHOT_DIR = Path(__file__).resolve().parent.parent / "output" / "screenshots"


def find_chromium() -> str | None:
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        return configured
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium-headless-shell") or shutil.which("chromium")


def pytest_collection_modifyitems(config, items):
    # Browser tests are never silently skipped in CI: a missing Chromium fails them there.
    if find_chromium() or in_ci():
        return
    skip = pytest.mark.skip(reason="Chromium not found: apt-get install chromium-headless-shell")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = find_chromium()
    if executable is None:
        pytest.fail(
            "Chromium is required for browser tests: apt-get install chromium-headless-shell"
        )
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Bootstrap drops its colour transitions for visitors who ask for reduced motion. With
    # them on, axe could measure a button the pointer happens to hover halfway through
    # its fade (a contrast no visitor sees for more than 0.15 s) and fail at random.
    return {**browser_context_args, "reduced_motion": "reduce"}


@pytest.fixture
def page_cache_on(settings):
    """As in production: pages and memos are kept, so a change must show at once anyway."""
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Runs axe-core in the page and fails listing every violation."""

    def check(page, rules: list[str] | None = None):
        """Every rule, or only `rules` (axe-core's rule ids)."""
        options = {"resultTypes": ["violations"]}
        if rules:
            options["runOnly"] = {"type": "rule", "values": rules}
        # axe-core (half a megabyte of script) goes into each document once, not per check.
        if not page.evaluate("typeof window.axe === 'object'"):
            page.evaluate(axe.axe_script)
        results = AxeResults(page.evaluate("options => axe.run(document, options)", options))
        violations = results.response["violations"]
        assert violations == [], results.generate_report()

    return check


@pytest.fixture
def screenshot():
    """Writes a full-page screenshot under tests/output/screenshots for review, when
    ROLEFIT_SCREENSHOTS=1 asks for them: a hundred full pages cost the suite a minute."""
    wanted = os.environ.get("ROLEFIT_SCREENSHOTS", "") not in ("", "0")
    if wanted:
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)

    def take(page, name: str):
        if wanted:
            page.screenshot(path=str(SCREENSHOT_DIR / f"{name}.png"), full_page=True)

    return take
