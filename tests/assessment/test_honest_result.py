"""Scoring version 3 through HTTP: answers without information get "No clear preference
yet", clear personas get their roles, a balanced persona is a close call, every fit is a
range (issue 21, "An honest result")."""

import random
import re

import pytest

from careers.models import AssessmentResult
from tests.assessment.personas import (
    DESIGN_AND_MENTORING_LEAD,
    HANDS_ON_JUNIOR,
    TORN,
    TORN_LEANS,
    with_noise,
)
from tests.helpers import ARCHITECT, PAIR

NO_PREFERENCE = "No clear preference yet"
READING_NOTE = "RoleFit's own reading, not a validated test"
# A fit shown as one percentage: a number with % that is not part of a range.
SINGLE_PERCENT = re.compile(r"(?<![–\d])\b\d{1,3}%(?!–)")


def result_of(client, answers, **extra) -> tuple[AssessmentResult, str]:
    response = client.post("/assessment/", {**answers, **extra})
    assert response.status_code == 303, response.content[:300]
    page = client.get(response["Location"])
    assert page.status_code == 200
    pk = response["Location"].rstrip("/").rsplit("/", 1)[1]
    return AssessmentResult.objects.get(pk=pk), page.content.decode().replace("&#x27;", "'")


def article_text(html: str) -> str:
    article = re.search(r'<article class="assessment-result.*?</article>', html, re.S).group(0)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article))


def alternating(questions, first: int, second: int) -> dict[str, int]:
    return {q.slug: first if index % 2 == 0 else second for index, q in enumerate(questions)}


def test_the_questionnaire_scores_only_factors_the_article_gives_a_side(content):
    factors = {q.factor.slug for q in content}
    assert "learning-motivation" not in factors
    assert len(factors) == 4


@pytest.mark.parametrize(
    "answer_set",
    [
        pytest.param(lambda qs: {q.slug: 3 for q in qs}, id="all-neutral"),
        pytest.param(lambda qs: alternating(qs, 5, 1), id="alternating-5-1"),
        pytest.param(lambda qs: alternating(qs, 1, 5), id="alternating-1-5"),
        pytest.param(lambda qs: {q.slug: 5 for q in qs}, id="all-strongly-agree"),
        pytest.param(lambda qs: {q.slug: 4 for q in qs}, id="all-agree"),
        pytest.param(lambda qs: {q.slug: 1 for q in qs}, id="all-strongly-disagree"),
    ],
)
def test_answers_without_information_get_no_clear_preference_never_a_role(
    client, content, answer_set
):
    result, html = result_of(client, answer_set(content))
    assert result.outcome == "no-clear-preference"
    text = article_text(html)
    assert f"<h1>{NO_PREFERENCE}</h1>" in html
    assert "best fit" not in text
    assert "Your answers lean toward" not in text and "point clearly" not in text
    assert "take the assessment again" in text.lower()  # what to do next, not a role
    assert "What it pays" not in text and "pay ranges" not in text
    assert client.get(f"/assessment/results/{result.pk}.json").json()["outcome"] == (
        "no-clear-preference"
    )


@pytest.mark.parametrize(
    ("persona", "role", "name"),
    [
        (HANDS_ON_JUNIOR, PAIR, "AI pair programmer"),
        (DESIGN_AND_MENTORING_LEAD, ARCHITECT, "AI architect"),
    ],
)
def test_clear_personas_get_their_role_with_no_flag(client, content, persona, role, name):
    experience = "junior" if role == PAIR else "lead"
    result, html = result_of(client, persona, experience=experience)
    assert result.outcome == role
    assert not result.careless
    assert "Read this result with care" not in html
    assert "best fit" in html and name in re.search(r"<h1>(.*?)</h1>", html).group(1)


def test_a_balanced_persona_with_a_little_noise_is_a_close_call(client, content):
    rng = random.Random(21)
    outcomes = [result_of(client, with_noise(TORN, rng))[0].outcome for _ in range(20)]
    assert outcomes.count("hybrid") >= 19, outcomes


def test_a_close_call_names_the_side_each_factor_actually_leans_to(client, content):
    result, html = result_of(client, TORN)
    assert result.outcome == "hybrid"
    steps = re.search(r'<ul class="factor-steps">(.*?)</ul>', html, re.S).group(1)
    named = re.findall(r"<strong>(.*?)</strong>: your answers lean to the (.*?) side", steps)
    assert len(named) == len(TORN_LEANS), steps  # every factor that leans, named
    for factor, side in named:
        assert TORN_LEANS[factor] == side
    bars = result.report["factors"]
    for factor in bars:
        expected = TORN_LEANS[factor["name"]]
        assert (factor["leaning"] > 0) == (expected == "AI architect")


@pytest.mark.parametrize(
    "answers",
    [
        pytest.param(lambda qs: HANDS_ON_JUNIOR, id="clear"),
        pytest.param(lambda qs: TORN, id="close-call"),
        pytest.param(lambda qs: {q.slug: 3 for q in qs}, id="no-preference"),
    ],
)
def test_no_result_page_shows_a_single_percent_fit(client, content, answers):
    result, html = result_of(client, answers(content))
    text = article_text(html)
    assert not SINGLE_PERCENT.search(text), SINGLE_PERCENT.search(text).group(0)
    assert re.search(r"\d+%–\d+%", text)
    data = client.get(f"/assessment/results/{result.pk}.json").json()
    assert "fit_percent" not in data
    for low, high in data["fit_band"].values():
        assert high - low >= 10 and low % 5 == 0 and high % 5 == 0


def test_every_result_says_it_is_rolefits_own_reading_next_to_its_headline(client, content):
    for answers in (HANDS_ON_JUNIOR, TORN, {q.slug: 3 for q in content}):
        _, html = result_of(client, answers)
        after_headline = html.split("</h1>", 1)[1][:400]
        assert READING_NOTE in after_headline
        assert 'href="/assessment/methodology/#certainty"' in after_headline
