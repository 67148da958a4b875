"""Scoring version 3 without a database: the band from the statements' measurement error,
the outcome it allows, and the random-answers figure the docs give."""

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from careers.assessment.scoring import (
    HYBRID,
    NO_PREFERENCE,
    FitBand,
    ScoredQuestion,
    certain_outcome,
    fit_band,
    score_with_certainty,
)
from scripts.random_answers import seeded_questionnaire, unflagged_role_share
from tests.helpers import ARCHITECT, PAIR, ROLES

QUESTIONS = [
    ScoredQuestion(f"{factor}-{side}-{n}", factor, side, 2)
    for factor in ("pace", "depth")
    for side in (PAIR, ARCHITECT)
    for n in range(3)
]
METHOD_DOC = Path(__file__).resolve().parents[2] / "docs" / "assessment-method.md"
answer_sets = st.fixed_dictionaries({q.slug: st.integers(1, 5) for q in QUESTIONS})


def toward(role: str, agree: int, disagree: int) -> dict[str, int]:
    return {q.slug: agree if q.leans_toward == role else disagree for q in QUESTIONS}


def test_consistent_answers_give_a_narrower_band_than_scattered_ones():
    consistent = fit_band(questions=QUESTIONS, answers=toward(ARCHITECT, 4, 2), roles=ROLES)
    scattered = dict(toward(ARCHITECT, 4, 2))
    scattered |= {QUESTIONS[0].slug: 5, QUESTIONS[3].slug: 1, QUESTIONS[6].slug: 5}
    wide = fit_band(questions=QUESTIONS, answers=scattered, roles=ROLES)
    assert consistent.high - consistent.low < wide.high - wide.low


def test_fewer_statements_give_a_wider_band():
    few = QUESTIONS[:6]
    answers = toward(ARCHITECT, 4, 2)
    narrow = fit_band(questions=QUESTIONS, answers=answers, roles=ROLES)
    wide = fit_band(questions=few, answers={q.slug: answers[q.slug] for q in few}, roles=ROLES)
    assert wide.high - wide.low > narrow.high - narrow.low


@given(answer_sets)
def test_the_band_is_whole_fives_never_a_point_and_mirrors_for_the_other_role(answers):
    band = fit_band(questions=QUESTIONS, answers=answers, roles=ROLES)
    assert band.low % 5 == 0 and band.high % 5 == 0 and 0 <= band.low < band.high <= 100
    assert band.high - band.low >= 10  # one scale step of error at least, either way
    assert band.for_role(PAIR, ROLES) == (100 - band.high, 100 - band.low)
    reversed_answers = {slug: 6 - value for slug, value in answers.items()}
    mirrored = fit_band(questions=QUESTIONS, answers=reversed_answers, roles=ROLES)
    assert (mirrored.low, mirrored.high) == (100 - band.high, 100 - band.low)


def test_a_role_only_when_its_band_clears_the_middle():
    assert certain_outcome(band=FitBand(55, 75), roles=ROLES, informative=True) == ARCHITECT
    assert certain_outcome(band=FitBand(25, 45), roles=ROLES, informative=True) == PAIR
    assert certain_outcome(band=FitBand(50, 70), roles=ROLES, informative=True) == HYBRID
    assert certain_outcome(band=FitBand(30, 50), roles=ROLES, informative=True) == HYBRID
    assert certain_outcome(band=FitBand(80, 95), roles=ROLES, informative=False) == NO_PREFERENCE


def test_no_fit_percent_and_no_what_would_change_are_stored():
    scores = score_with_certainty(
        questions=QUESTIONS, answers=toward(PAIR, 5, 1), roles=ROLES, informative=True
    ).as_dict()
    assert "fit_percent" not in scores and "what_would_change" not in scores
    assert scores["fit_band"] == {PAIR: [85, 100], ARCHITECT: [0, 15]}
    assert scores["outcome"] == PAIR and scores["strength"] == "clear"


def test_random_answers_rarely_get_an_unflagged_role_and_the_docs_give_the_figure():
    share, outcomes = unflagged_role_share(count=10_000, seed=21)
    assert share <= 0.15
    assert sum(outcomes.values()) == 10_000
    figure = re.search(r"(\d+\.\d)% of 10,000 random answer\s+sets", METHOD_DOC.read_text())
    assert figure, "docs/assessment-method.md gives the figure"
    assert float(figure.group(1)) == round(100 * share, 1)


def test_the_seeded_questionnaire_is_the_one_scored():
    questions, roles = seeded_questionnaire()
    assert len(questions) == 24 and roles == ROLES
