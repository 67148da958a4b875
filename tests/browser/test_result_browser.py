"""A version-3 result page in Chromium (a clear role, a close call, and "no clear
preference yet" from flagged answers), phone and desktop widths: nothing overflows, the
headline, its reading note and the ranges are visible, and axe finds no violation.
Screenshots land in tests/output/screenshots for review."""

import time

import pytest

from careers.assessment.forms import STARTED_FIELD, started_stamp
from careers.models import AssessmentResult
from tests.assessment.personas import DESIGN_AND_MENTORING_LEAD, HANDS_ON_JUNIOR, TORN
from tests.browser.conftest import SCREENSHOT_DIR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"phone": 375, "desktop": 1280}


@pytest.fixture
def results(seeded, settings, client):
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 0
    stamp = {STARTED_FIELD: started_stamp(at=time.time() - 300)}
    genuine = client.post(
        "/assessment/", {**DESIGN_AND_MENTORING_LEAD, **stamp, "experience": "junior"}
    )
    acquiescent = {slug: 5 if index % 3 == 0 else 4 for index, slug in enumerate(HANDS_ON_JUNIOR)}
    quick = {STARTED_FIELD: started_stamp(at=time.time() - 9)}
    flagged = client.post("/assessment/", {**acquiescent, **quick})
    torn = client.post("/assessment/", {**TORN, **stamp, "experience": "mid"})
    assert genuine.status_code == flagged.status_code == torn.status_code == 303
    assert AssessmentResult.objects.filter(careless=True).count() == 1
    return {
        "clear": genuine["Location"],
        "close-call": torn["Location"],
        "no-preference": flagged["Location"],
    }


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", ["clear", "close-call", "no-preference"])
def test_the_result_page_reads_well_at_phone_and_desktop_widths(
    live_server, browser, results, kind, width, screenshot, assert_accessible
):
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
    page = context.new_page()
    try:
        page.goto(live_server.url + results[kind])
        heading = page.locator("h1").inner_text()
        flags = page.locator(".answer-style-flags")
        assert page.locator(".reading-note").is_visible()
        if kind == "no-preference":
            assert heading == "No clear preference yet"
            assert flags.is_visible()
            assert "Agreeing with both sides" in flags.inner_text()
            assert "Answered very quickly" in flags.inner_text()
            assert page.locator(".next-actions").is_visible()
        else:
            assert flags.count() == 0
            assert page.locator(".fit-value").first.inner_text().count("%") == 2  # a range
        if kind == "clear":
            assert heading == "Your answers point clearly to the AI architect"
            assert page.get_by_text("The way to the architect role").is_visible()
        if kind == "close-call":
            assert heading == "A close call between the two roles"
        assert page.get_by_role("heading", name="Build skills in both").is_visible()
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        wide = page.evaluate(
            """[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right
            > document.documentElement.clientWidth + 1).slice(0, 8).map(e => e.tagName + '.'
            + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""
        )
        assert overflow <= 0, f"{overflow}px of horizontal overflow: {wide}"
        assert_accessible(page)
        screenshot(page, f"result-{kind}-{WIDTHS[width]}")
        # Close-ups for review: the first screen and the next steps.
        page.screenshot(path=str(SCREENSHOT_DIR / f"result-{kind}-{WIDTHS[width]}-top.png"))
        page.locator(".next-steps").screenshot(
            path=str(SCREENSHOT_DIR / f"result-{kind}-{WIDTHS[width]}-next-steps.png")
        )
    finally:
        context.close()


def test_the_experience_question_comes_with_the_last_step(live_server, page, seeded, settings):
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 0
    page.set_viewport_size({"width": 375, "height": 900})
    page.goto(live_server.url + "/assessment/")
    experience = page.locator(".assessment-experience")
    assert experience.is_hidden()
    for _ in range(page.locator(".assessment-step").count() - 1):  # all but the last step
        for group in page.locator(".assessment-step:not([hidden]) .likert").all():
            group.locator("label").nth(3).click()
        page.get_by_role("button", name="Next").click()
    assert experience.is_visible()
    for group in page.locator(".assessment-step:not([hidden]) .likert").all():
        group.locator("label").nth(1).click()
    page.get_by_label("Senior developer").check()
    page.screenshot(path=str(SCREENSHOT_DIR / "assessment-last-step-375.png"), full_page=True)
    page.get_by_role("button", name="See my result").click()
    page.wait_for_url("**/assessment/results/**")
    assert AssessmentResult.objects.get().experience == "senior"
