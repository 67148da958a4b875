"""The public content pages in a real Chromium, used by clicking."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
PAGES = {
    "home": "/",
    "role-list": "/roles/",
    "role-pair-programmer": "/roles/ai-pair-programmer/",
    "role-architect": "/roles/ai-architect/",
    "compare": "/compare/ai-pair-programmer-vs-ai-architect/",
    "tools": "/tools/",
    "tools-filtered": "/tools/?role=ai-architect&category=monitoring-and-audit",
    "tools-unknown-filter": "/tools/?role=no-such-role",
    "salaries": "/salaries/",
    "faq-list": "/faq/",
    "faq-detail": "/faq/what-is-an-ai-pair-programmer/",
    "search-empty": "/search/",
    "search-results": "/search/?q=copilot",
    "search-no-results": "/search/?q=xylophone",
    "sources": "/sources/",
    "assessment-form": "/assessment/",
    "methodology": "/assessment/methodology/",
    "not-found": "/roles/no-such-role/",
}


# Each page's accessibility, contrast and fit at phone and desktop widths, light and dark:
# tests/browser/test_visitors_browser.py.


def test_tool_filters_work_by_clicking(live_server, page):
    page.goto(live_server.url + "/tools/")
    filters = page.get_by_role("navigation", name="Filter tools")
    filters.get_by_role("link", name=re.compile(r"^AI architect")).click()
    expect(page).to_have_url(re.compile(r"\?role=ai-architect$"))
    expect(page.locator("#tool-github-copilot")).to_have_count(0)
    expect(page.locator("#tool-mlflow")).to_be_visible()

    filters.get_by_role("link", name=re.compile(r"^Monitoring")).click()
    expect(page).to_have_url(re.compile(r"role=ai-architect&category=monitoring-and-audit$"))
    expect(page.locator(".tool-card")).to_have_count(4)
    expect(page.locator("#tool-count")).to_contain_text("4 tools")

    page.get_by_role("link", name="Clear filters").click()
    expect(page.locator("#tool-github-copilot")).to_be_visible()


def test_search_works_from_the_header(live_server, page):
    page.goto(live_server.url + "/roles/")
    page.get_by_role("searchbox", name="Search RoleFit").fill("system design")
    page.get_by_role("searchbox", name="Search RoleFit").press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=system\+design$"))
    expect(page.locator(".result").first).to_be_visible()
    expect(page.locator(".result mark").first).to_have_text(
        re.compile("system|design", re.IGNORECASE)
    )

    page.get_by_role("searchbox", name=re.compile("Search roles")).fill("xylophone")
    page.get_by_role("button", name="Search", exact=True).last.click()
    expect(page.get_by_text("Nothing found for “xylophone”")).to_be_visible()


def test_menu_and_pages_work_without_javascript_on_a_phone(live_server, browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        nav = page.get_by_role("navigation", name="Main")
        nav.get_by_role("link", name="Compare").click()
        expect(page).to_have_url(re.compile(r"/compare/ai-pair-programmer-vs-ai-architect/$"))
        expect(page.locator("svg.salary-chart")).to_be_visible()
        nav = page.get_by_role("navigation", name="Main")
        expect(nav.get_by_role("link", name="Compare")).to_have_attribute("aria-current", "true")
    finally:
        context.close()
