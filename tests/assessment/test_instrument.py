"""The assessment as an instrument, through HTTP: balance, answer-style checks, strength,
personas, experience, and timing from the signed stamp in the form."""

import re
import time

import pytest

from careers.assessment.forms import STARTED_FIELD, started_stamp
from careers.models import AssessmentResult, Question
from tests.assessment.personas import DESIGN_AND_MENTORING_LEAD, HANDS_ON_JUNIOR, TORN
from tests.helpers import ARCHITECT, PAIR
from tests.serving import poll

FORM_URL = "/assessment/"
RESULT_URL = re.compile(r"^/assessment/results/([0-9a-f-]{36})/$")
NO_FLAGS = {
    "straight_lining": False,
    "acquiescence": False,
    "contradiction": False,
    "no_difference": False,
}


def took(seconds: float) -> dict:
    """The form's signed stamp, as if it had been drawn `seconds` ago."""
    return {STARTED_FIELD: started_stamp(at=time.time() - seconds)}


def submit(client, answers, *, seconds=300, **extra):
    response = client.post(FORM_URL, {**answers, **took(seconds), **extra})
    assert response.status_code == 303, response.content[:800]
    pk = RESULT_URL.match(response["Location"]).group(1)
    page = client.get(response["Location"]).content.decode().replace("&#x27;", "'")
    data = client.get(f"/assessment/results/{pk}.json").json()
    return page, data


@pytest.mark.parametrize("point", [1, 2, 3, 4, 5])
def test_the_same_answer_everywhere_gives_no_leaning_and_no_clear_preference(
    client, content, point
):
    page, data = submit(client, {q.slug: point for q in content})
    low, high = data["fit_band"][PAIR]
    assert data["fit_band"][ARCHITECT] == [100 - high, 100 - low] and low < 50 < high
    assert set(data["leaning"].values()) == {0}
    assert data["outcome"] == "no-clear-preference" and data["strength"] is None
    assert data["answer_style"]["straight_lining"] is True
    assert "<h1>No clear preference yet</h1>" in page
    assert "Nearly the same answer everywhere" in page


def test_the_same_answer_everywhere_is_balanced_whatever_the_weights(client, content):
    for number, question in enumerate(content):
        Question.objects.filter(pk=question.pk).update(weight=number % 5 + 1)
    _, data = submit(client, {q.slug: 4 for q in content})
    assert data["fit_band"][PAIR] == [100 - x for x in reversed(data["fit_band"][ARCHITECT])]
    assert data["fit_band"][PAIR][0] < 50 < data["fit_band"][PAIR][1]
    assert set(data["leaning"].values()) == {0}


def test_an_acquiescent_answer_set_is_flagged(client, content):
    # "Agree" with everything, "Strongly agree" with every third statement.
    answers = {q.slug: 5 if index % 3 == 0 else 4 for index, q in enumerate(content)}
    page, data = submit(client, answers)
    assert data["answer_style"]["acquiescence"] is True
    assert data["flagged"] is True
    assert "Agreeing with both sides" in page
    assert "Take it again" in page
    assert AssessmentResult.objects.get().careless is True


def test_strong_agreement_both_ways_is_flagged_as_a_contradiction(client, content):
    answers = dict(HANDS_ON_JUNIOR)
    answers |= {
        "pace-plan-for-the-year": 5,
        "collab-lead-design-review": 5,
    }
    page, data = submit(client, answers)
    assert data["answer_style"]["contradiction"] is True
    assert "Strong agreement both ways" in page


def test_alternating_extremes_are_flagged(client, content):
    answers = {q.slug: 5 if index % 2 == 0 else 1 for index, q in enumerate(content)}
    _, data = submit(client, answers)
    assert data["flagged"] is True


def test_answers_sent_too_fast_to_have_been_read_are_flagged(client, content):
    # The visitor had the form first: its time is measured in whole seconds, and a cold
    # first request (loading the middleware and URLs on a busy machine) could add one.
    client.get(FORM_URL)
    page, data = submit(client, HANDS_ON_JUNIOR, seconds=8)
    assert data["answer_style"]["too_fast"] is True
    assert data["seconds_taken"] == 8
    assert "Answered very quickly" in page


@pytest.mark.parametrize(
    "stamp", ["", "forged", started_stamp(at=0)], ids=["missing", "forged", "stale"]
)
def test_a_missing_forged_or_stale_stamp_is_not_measured_and_not_refused(client, content, stamp):
    response = client.post(FORM_URL, {**HANDS_ON_JUNIOR, STARTED_FIELD: stamp})
    assert response.status_code == 303
    result = AssessmentResult.objects.get()
    assert result.scores["seconds_taken"] is None
    assert result.scores["answer_style"]["too_fast"] is False


def test_the_form_carries_a_fresh_signed_stamp_and_the_experience_question(client, content):
    stamp = re.compile(rf'name="{STARTED_FIELD}" value="([^"]+)"')
    first = client.get(FORM_URL).content.decode()
    first_stamp = stamp.search(first).group(1)

    def a_later_stamp():  # stamps count tenths of a second
        return stamp.search(client.get(FORM_URL).content.decode()).group(1) != first_stamp

    poll(a_later_stamp, timeout=5, message="a form drawn later with its own stamp")
    assert "Where are you in your career? (optional)" in first
    for label in ["Student", "Junior developer", "Senior developer", "Tech lead or above"]:
        assert label in first


@pytest.mark.parametrize(
    ("answers", "outcome"),
    [(HANDS_ON_JUNIOR, PAIR), (DESIGN_AND_MENTORING_LEAD, ARCHITECT), (TORN, "hybrid")],
    ids=["hands-on junior", "design-and-mentoring lead", "torn"],
)
def test_clear_personas_land_right_and_are_not_flagged(client, content, answers, outcome):
    assert set(answers) == {q.slug for q in content}
    _, data = submit(client, answers)
    assert data["outcome"] == outcome
    assert data["flagged"] is False
    assert data["answer_style"] == {**NO_FLAGS, "too_fast": False}


def test_the_headline_states_the_strength(client, content):
    page, data = submit(client, HANDS_ON_JUNIOR)
    assert data["strength"] == "clear"
    assert "<h1>Your answers point clearly to the AI pair programmer</h1>" in page
    # Milder: agreeing with the pair programmer's side, mostly neutral on the other.
    answers = {q.slug: 4 if q.leans_toward.slug == PAIR else 3 for q in content}
    answers |= {
        slug: 2
        for slug in [
            "pace-plan-for-the-year",
            "breadth-list-failure-points",
            "collab-present-direction",
            "risk-watch-for-drift",
        ]
    }
    page, data = submit(client, answers)
    assert data["outcome"] == PAIR and data["strength"] == "moderate", data["fit_band"]
    assert "<h1>Your answers lean toward the AI pair programmer</h1>" in page


def test_experience_changes_the_advice_but_never_the_fit(client, content):
    junior_page, junior = submit(client, DESIGN_AND_MENTORING_LEAD, experience="junior")
    lead_page, lead = submit(client, DESIGN_AND_MENTORING_LEAD, experience="lead")
    none_page, nobody = submit(client, DESIGN_AND_MENTORING_LEAD)
    for key in ["fit_band", "leaning", "outcome", "strength"]:
        assert junior[key] == lead[key] == nobody[key]
    assert junior["experience"] == "junior" and lead["experience"] == "lead"
    assert nobody["experience"] is None
    assert "The way to the architect role" in junior_page
    assert "zigzag" in junior_page
    assert "The way to the architect role" not in lead_page
    assert "Architecture at your level" in lead_page
    assert "career-advice" not in none_page


def test_a_senior_with_a_clear_pair_programmer_fit_is_warned_about_the_plateau(client, content):
    answers = {q.slug: 5 if q.leans_toward.slug == PAIR else 1 for q in content}
    answers[content[0].slug] = 4  # not quite straight-lined
    page, data = submit(client, answers, experience="senior")
    assert data["outcome"] == PAIR and data["strength"] == "clear"
    assert "Mind the plateau" in page
    assert "mid-senior" in page
    page, _ = submit(client, HANDS_ON_JUNIOR, experience="junior")
    assert "Mind the plateau" not in page


def test_an_unknown_experience_is_refused_and_nothing_is_stored(client, content):
    response = client.post(FORM_URL, {**HANDS_ON_JUNIOR, "experience": "wizard"})
    assert response.status_code == 400
    assert "Choose one of the listed career stages" in response.content.decode()
    assert AssessmentResult.objects.count() == 0


def test_every_result_advises_building_both_and_shows_the_salary_with_caveats(client, content):
    for answers in (HANDS_ON_JUNIOR, DESIGN_AND_MENTORING_LEAD, TORN):
        page, _ = submit(client, answers)
        assert "Build skills in both" in page
        assert "shift rapidly and can overlap" in page
        assert "shapes a career as much as the pay" in page
        assert "branch into architecture" in page  # learning motivation, as advice
    page, _ = submit(client, DESIGN_AND_MENTORING_LEAD)
    assert "$170,000–$250,000" in page


def test_next_steps_follow_the_persons_leanings(client, content):
    page, data = submit(client, HANDS_ON_JUNIOR)
    leanings = data["leaning"]
    # The factor leaning least toward the pair programmer is shown first (of equals, the
    # first in the questionnaire's order).
    names = {q.factor.slug: q.factor.name for q in content}
    least = max(leanings.values())
    weakest = next(slug for slug in names if leanings[slug] == least)
    section = page[page.index("Where your answers fit the AI pair programmer least") :]
    first_item = re.search(r"<li><strong>([^<]+)</strong>", section).group(1)
    assert first_item == names[weakest]
    assert "How its skills differ" in page and "Deep here, Broad in the other role" in page
