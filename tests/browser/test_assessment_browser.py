"""The assessment in a real browser, with and without JavaScript, plus concurrent submits."""

import http.client
import re
import threading
from itertools import groupby
from urllib.parse import urlencode, urlsplit

import pytest

from careers.models import AssessmentResult, Question
from tests.helpers import ARCHITECT, PAIR, csrf_token_in
from tests.serving import poll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RESULT_PATH = re.compile(r"/assessment/results/[0-9a-f-]{36}/$")
EXPECTED_HEADING = {
    "architect": "Your answers point clearly to the AI architect",
    "pair": "Your answers point clearly to the AI pair programmer",
    "neutral": "No clear preference yet",
}


@pytest.fixture
def steps(seeded, settings):
    """The active questions grouped by factor, in form order: one list per step."""
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 0
    questions = Question.objects.active().select_related("factor", "leans_toward")
    return [list(group) for _, group in groupby(questions, key=lambda q: q.factor_id)]


def answer_for(question, answer_set) -> int:
    if answer_set == "neutral":
        return 3
    role = ARCHITECT if answer_set == "architect" else PAIR
    return 5 if question.leans_toward.slug == role else 1


def click_answers(page, questions, answer_set):
    for question in questions:
        value = answer_for(question, answer_set)
        page.click(f'label[for="id_{question.slug}_{value - 1}"]')


def visible_step_count(page) -> str:
    return page.locator(".assessment-step:not([hidden]) .step-count").inner_text()


@pytest.mark.parametrize("answer_set", ["architect", "pair", "neutral"])
def test_the_stepper_takes_the_assessment_one_factor_at_a_time(
    live_server, page, steps, answer_set, assert_accessible, screenshot
):
    page.goto(live_server.url + "/assessment/")
    assert page.locator(".assessment-step:visible").count() == 1
    assert page.get_by_role("button", name="See my result").is_hidden()
    if answer_set == "architect":
        assert_accessible(page)
    for number, questions in enumerate(steps, start=1):
        assert visible_step_count(page) == f"Step {number} of {len(steps)}"
        assert page.locator("progress.stepper-progress").evaluate("p => p.value") == number
        click_answers(page, questions, answer_set)
        if number < len(steps):
            page.get_by_role("button", name="Next").click()
            heading_id = f"step-{steps[number][0].factor.slug}-heading"
            assert page.evaluate("document.activeElement.id") == heading_id
    if answer_set == "architect":
        screenshot(page, "assessment-stepper-last-step")
    page.get_by_role("button", name="See my result").click()
    page.wait_for_url(RESULT_PATH)
    assert EXPECTED_HEADING[answer_set] in page.locator("h1").inner_text()
    if answer_set == "neutral":
        assert page.get_by_text("Nearly the same answer everywhere").is_visible()
    if answer_set == "pair":
        page.get_by_role("button", name="Copy link").click()
        page.wait_for_function("document.getElementById('copy-status').textContent !== ''")
    assert_accessible(page)
    screenshot(page, f"assessment-result-{answer_set}")


def test_back_keeps_answers_and_never_validates(live_server, page, steps):
    page.goto(live_server.url + "/assessment/")
    first, second = steps[0], steps[1]
    page.get_by_role("button", name="Next").click()  # nothing answered: Next stops here
    assert visible_step_count(page) == f"Step 1 of {len(steps)}"
    assert page.get_by_role("alert").is_visible()
    click_answers(page, first, "architect")
    page.get_by_role("button", name="Next").click()
    assert visible_step_count(page) == f"Step 2 of {len(steps)}"
    page.click(f'label[for="id_{second[0].slug}_0"]')  # half of step 2 answered
    page.get_by_role("button", name="Back").click()  # no validation on the way back
    assert visible_step_count(page) == f"Step 1 of {len(steps)}"
    assert page.evaluate("document.activeElement.id") == f"step-{first[0].factor.slug}-heading"
    for question in first:
        value = answer_for(question, "architect")
        assert page.locator(f"#id_{question.slug}_{value - 1}").is_checked()
    page.get_by_role("button", name="Next").click()
    assert page.locator(f"#id_{second[0].slug}_0").is_checked()


@pytest.mark.parametrize("answer_set", ["architect", "pair", "neutral"])
def test_without_javascript_the_form_is_one_page(
    live_server, browser, steps, answer_set, screenshot
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/assessment/")
        assert page.locator(".assessment-step:visible").count() == len(steps)
        assert page.get_by_role("button", name="Next").count() == 0
        for questions in steps:
            click_answers(page, questions, answer_set)
        if answer_set == "architect":
            screenshot(page, "assessment-form-no-js")
        page.get_by_role("button", name="See my result").click()
        page.wait_for_url(RESULT_PATH)
        assert EXPECTED_HEADING[answer_set] in page.locator("h1").inner_text()
        assert page.locator("#copy-share-url").is_hidden()  # the plain link stays
        assert page.locator(f'a[href="{page.url}"]').count() == 1
    finally:
        context.close()


def test_without_javascript_errors_are_listed_and_answers_kept(
    live_server, browser, steps, screenshot
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/assessment/")
        click_answers(page, steps[0], "pair")
        page.get_by_role("button", name="See my result").click()
        summary = page.locator("#error-summary")
        assert summary.is_visible()
        unanswered = sum(len(questions) for questions in steps[1:])
        assert summary.locator("li").count() == unanswered
        for question in steps[0]:
            value = answer_for(question, "pair")
            assert page.locator(f"#id_{question.slug}_{value - 1}").is_checked()
        assert page.locator(".likert-error").count() == unanswered
        screenshot(page, "assessment-form-errors")
    finally:
        context.close()
    assert AssessmentResult.objects.count() == 0


def test_with_javascript_an_error_link_opens_its_step(live_server, page, steps, assert_accessible):
    page.goto(live_server.url + "/assessment/")
    # Submitting from the last step with earlier steps unanswered reaches the server.
    page.evaluate("document.getElementById('assessment-form').submit()")
    page.wait_for_selector("#error-summary")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert_accessible(page)  # the form with its errors (axe needs JavaScript to run)
    last = steps[-1][0]
    page.locator(f'#error-summary a[href="#id_{last.slug}_0"]').click()
    assert visible_step_count(page) == f"Step {len(steps)} of {len(steps)}"
    assert page.evaluate("document.activeElement.id") == f"id_{last.slug}_0"


def test_fifty_parallel_submissions_all_land_with_distinct_ids(live_server, steps):
    questions = [q for group in steps for q in group]
    host = urlsplit(live_server.url).netloc
    cookie, token = fetch_csrf(host)
    answers = {q.slug: answer_for(q, "architect") for q in questions}
    body = urlencode({**answers, "csrfmiddlewaretoken": token})
    locations, failures = [], []
    barrier = threading.Barrier(50)

    def submit():
        try:
            barrier.wait(timeout=30)
            status, location = post_with_retries(host, body, cookie)
            if status == 303:
                locations.append(location)
            else:
                failures.append(status)
        except Exception as error:  # reported by the assertion below
            failures.append(repr(error))

    threads = [threading.Thread(target=submit) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    assert len(locations) == 50
    assert len(set(locations)) == 50
    assert all(RESULT_PATH.search(location) for location in locations)
    assert AssessmentResult.objects.count() == 50  # no retried request was stored twice
    assert AssessmentResult.objects.filter(outcome=ARCHITECT).count() == 50


def post_with_retries(host, body, cookie):
    """POSTs the answers. The test server's listen queue is short (Django's is 10), so a
    burst of 50 connections can be reset before it is accepted; such a connection never
    reached a view, and is tried again. The test counts the stored rows to prove it."""

    def post():
        connection = http.client.HTTPConnection(host, timeout=60)
        try:
            connection.request(
                "POST",
                "/assessment/",
                body=body,
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": f"csrftoken={cookie}",
                },
            )
            response = connection.getresponse()
            response.read()
            return response.status, response.getheader("Location")
        except (ConnectionResetError, ConnectionRefusedError, http.client.RemoteDisconnected):
            return None
        finally:
            connection.close()

    return poll(post, timeout=60, interval=0.1, message="a connection the server accepts")


def fetch_csrf(host):
    connection = http.client.HTTPConnection(host, timeout=30)
    connection.request("GET", "/assessment/")
    response = connection.getresponse()
    html = response.read().decode()
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie")).group(1)
    token = csrf_token_in(html)
    connection.close()
    return cookie, token
