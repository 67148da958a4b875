"""Every public page as a visitor meets it, at 375 and 1280 px, light and dark: axe finds
nothing, and what axe leaves out is measured in the page (tests/browser/page_checks.js):
the contrast of controls, focus rings and chart marks (3:1, WCAG 1.4.11), salary chart
labels drawn whole, no block touching the one above it, no sideways scrolling."""

import re
import time
from pathlib import Path

import pytest

from careers.assessment.forms import STARTED_FIELD, started_stamp
from tests.assessment.personas import DESIGN_AND_MENTORING_LEAD
from tests.browser.test_pages_browser import PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE_CHECKS = (Path(__file__).parent / "page_checks.js").read_text()
WIDTHS = (375, 1280)
SCHEMES = ("light", "dark")
VISITOR_PAGES = {**PAGES, "about": "/about/", "result": None}
TAB_STOPS = 8
# The axe-core rules whose verdict can change with the colours alone: the dark scheme
# changes nothing else (the same page, its colours switched by CSS).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


@pytest.fixture
def visitor_site(live_server, transactional_db, client, settings):
    """One stored result, committed for the live server (the content is the session's)."""
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 0
    stamp = {STARTED_FIELD: started_stamp(at=time.time() - 300)}
    result = client.post("/assessment/", {**DESIGN_AND_MENTORING_LEAD, **stamp})
    return live_server, result["Location"]


# Where a fresh load starts: the next Tab reaches the page's first stop (the skip link).
FOCUS_FROM_THE_TOP = """() => {
  document.activeElement?.blur();
  document.body.tabIndex = -1;
  document.body.focus();
  document.body.removeAttribute("tabindex");
  window.scrollTo(0, 0);
}"""


def focus_ring_problems(page) -> list[str]:
    """The focus rings of the page's first TAB_STOPS stops, reached with the Tab key."""
    page.evaluate(FOCUS_FROM_THE_TOP)
    problems = []
    for _ in range(TAB_STOPS):
        page.keyboard.press("Tab")
        problems += page.evaluate(PAGE_CHECKS, "focus")
    return problems


@pytest.mark.parametrize("name", VISITOR_PAGES)
def test_page_reads_well_light_and_dark_on_a_phone_and_a_desktop(
    visitor_site, page, assert_accessible, screenshot, name
):
    server, result_path = visitor_site
    url = server.url + (VISITOR_PAGES[name] or result_path)
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    page.goto(url)
    for width in WIDTHS:  # the layout is CSS alone: loaded at the phone's width, then widened
        page.set_viewport_size({"width": width, "height": 900})
        for scheme in SCHEMES:  # the colours are CSS alone: no need to load the page again
            page.emulate_media(color_scheme=scheme)
            where = f"{name} at {width}px, {scheme}"
            assert page.evaluate(PAGE_CHECKS, "page") == [], where
            assert focus_ring_problems(page) == [], where
            assert_accessible(page, rules=None if scheme == SCHEMES[0] else COLOUR_RULES)
            screenshot(page, f"visitor-{name}-{width}-{scheme}")


@pytest.mark.parametrize("path", ["/compare/ai-pair-programmer-vs-ai-architect/", "/"])
def test_the_comparison_reads_row_by_row_on_a_phone(visitor_site, page, path):
    server, _ = visitor_site
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(server.url + path)
    cells = page.locator(".compare-cell")
    assert cells.count() >= 10
    for index in range(cells.count()):
        cell = cells.nth(index)
        role = cell.locator(".cell-role").inner_text()
        assert re.search(r"AI (PAIR PROGRAMMER|ARCHITECT)", role), role  # named on every block
    # One block under the other: each starts below the one before it.
    tops = [cells.nth(i).bounding_box()["y"] for i in range(cells.count())]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)
    narrow = page.evaluate(
        """() => [...document.querySelectorAll('main p, main li')]
            .filter((el) => el.textContent.trim().length > 60)
            .filter((el) => el.checkVisibility() && el.getBoundingClientRect().width < 280)
            .map((el) => el.textContent.trim().slice(0, 40))"""
    )
    assert narrow == []


def test_a_page_prints_its_content_without_navigation_and_with_link_addresses(visitor_site, page):
    server, _ = visitor_site
    page.goto(server.url + "/roles/ai-architect/")
    page.emulate_media(media="print")
    for hidden in ["header.site-header", "#site-search", ".btn", "nav[aria-label=Breadcrumb]"]:
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("main h1").is_visible()
    link = page.locator('main a[href^="/tools/"]').first
    after = link.evaluate("(a) => getComputedStyle(a, '::after').content")
    assert after.startswith('" (/tools/')


def test_a_link_into_the_methodology_opens_its_fold(visitor_site, page):
    server, _ = visitor_site
    page.goto(server.url + "/assessment/methodology/")
    assert page.get_by_text("You read 24 short statements").is_visible()  # the plain account
    assert not page.locator("#checks").is_visible()  # the detail, folded
    page.goto(server.url + "/assessment/methodology/#checks")  # the result page's link
    assert page.locator("#checks").is_visible()
