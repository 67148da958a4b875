"""A result's plan in Chromium: its owner marks steps with and without JavaScript at phone
and desktop widths (axe finds nothing), and the result prints on at most two A4 pages,
without navigation or buttons, with its link. Screenshots land in tests/output/screenshots
for review."""

import re
import time

import pytest
from playwright.sync_api import expect

from careers.assessment.forms import STARTED_FIELD, started_stamp
from tests.assessment.personas import DESIGN_AND_MENTORING_LEAD, TORN

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"phone": 375, "desktop": 1280}
MANAGE_LINK = re.compile(r'id="manage-url" type="text" value="http://testserver([^"]+)"')
A4_PAGE = re.compile(rb"/Type\s*/Page(?!s)")


@pytest.fixture
def owned_results(seeded, settings, client):
    """A clear and a close-call result, each with its manage link (which hands ownership to
    the browser that opens it)."""
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 0
    settings.RESULT_LINK_RATE_LIMIT_PER_MINUTE = 0
    stamp = {STARTED_FIELD: started_stamp(at=time.time() - 300)}
    links = {}
    for name, answers in {"clear": DESIGN_AND_MENTORING_LEAD, "close": TORN}.items():
        made = client.post("/assessment/", {**answers, **stamp, "experience": "senior"})
        assert made.status_code == 303
        page = client.get(made["Location"]).content.decode()
        links[name] = {"result": made["Location"], "manage": MANAGE_LINK.search(page).group(1)}
    return links


def no_overflow(page):
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{overflow}px of horizontal overflow"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_owner_marks_steps_in_place_with_javascript(
    live_server, browser, owned_results, width, screenshot, assert_accessible
):
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
    page = context.new_page()
    try:
        page.goto(live_server.url + owned_results["clear"]["manage"])
        assert page.url == live_server.url + owned_results["clear"]["result"]
        expect(page.get_by_role("heading", name="Try it before you choose")).to_be_visible()
        expect(page.get_by_role("heading", name="Your 30/60/90-day plan")).to_be_visible()
        page.evaluate("window.notReloaded = true")
        first = page.locator(".plan-step").first
        first.get_by_role("button", name=re.compile("^Mark done")).click()
        expect(first.locator(".step-state")).to_have_text("Done")
        expect(page.locator("#plan-progress")).to_contain_text("1 of")
        assert page.evaluate("window.notReloaded") is True  # updated in place
        tool = page.locator(".plan-step", has_text="Try TensorFlow")
        tool.get_by_role("button", name=re.compile("^Skip")).click()
        expect(tool.locator(".step-state")).to_have_text("Skipped")
        no_overflow(page)
        assert_accessible(page)
        screenshot(page, f"result-plan-{WIDTHS[width]}")
        for part in ("plan", "experiments"):
            page.locator(f"#{part}").screenshot(
                path=str(screenshot_dir() / f"result-plan-{WIDTHS[width]}-{part}.png")
            )
        page.reload()
        expect(page.locator(".plan-step").first.locator(".step-state")).to_have_text("Done")
        expect(tool.locator(".step-state")).to_have_text("Skipped")
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_owner_marks_steps_without_javascript(
    live_server, browser, owned_results, width, assert_accessible
):
    context = browser.new_context(
        viewport={"width": WIDTHS[width], "height": 900}, java_script_enabled=False
    )
    page = context.new_page()
    try:
        page.goto(live_server.url + owned_results["close"]["manage"])
        expect(page.get_by_role("heading", name="Your 30/60/90-day plan")).to_be_visible()
        step = page.locator(".plan-step").nth(2)
        key = step.get_attribute("id")
        step.get_by_role("button", name=re.compile("^Skip")).click()
        page.wait_for_url(re.compile(f"#{key}$"))
        expect(page.locator(f"#{key} .step-state")).to_have_text("Skipped")
        no_overflow(page)
        # axe needs scripts: the same page, as this owner sees it, in a browser with them.
        scripted = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
        scripted.add_cookies(context.cookies())
        scripted_page = scripted.new_page()
        scripted_page.goto(page.url)
        expect(scripted_page.locator(f"#{key} .step-state")).to_have_text("Skipped")
        assert_accessible(scripted_page)
        scripted.close()
        page.locator(f"#{key}").get_by_role("button", name=re.compile("^Undo")).click()
        expect(page.locator(f"#{key} .step-state")).to_have_text("Not started")
    finally:
        context.close()


@pytest.mark.parametrize("kind", ["clear", "close"])
def test_the_result_prints_on_at_most_two_a4_pages(live_server, browser, owned_results, kind):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(live_server.url + owned_results[kind]["manage"])
        pdf = page.pdf(format="A4")
        pages = len(A4_PAGE.findall(pdf))
        page.emulate_media(media="print")
        page.set_viewport_size({"width": 703, "height": 1000})  # A4 less its margins
        page.screenshot(path=str(screenshot_dir() / f"result-{kind}-print.png"), full_page=True)
        assert 1 <= pages <= 2, f"{pages} pages"
        for hidden in ("nav", "form", ".result-actions", "#feedback", ".step-progress"):
            for element in page.locator(hidden).all():
                expect(element).to_be_hidden()
        expect(page.get_by_role("link", name=owned_results[kind]["result"])).to_be_visible()
    finally:
        context.close()


def screenshot_dir():
    from tests.browser.conftest import SCREENSHOT_DIR

    return SCREENSHOT_DIR
