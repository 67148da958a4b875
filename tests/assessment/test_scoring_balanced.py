"""careers/assessment/scoring.py, scoring version 2: balance by construction, swap,
monotonicity and strength, as hypothesis properties over any weights; worked examples."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careers.assessment.scoring import (
    HYBRID,
    SCALE,
    ScoredQuestion,
    ScoringError,
    balanced_weights,
    score_balanced,
    strength_fit_range,
    strength_for,
)
from tests.helpers import ARCHITECT, PAIR, ROLES

FACTORS = ("pace", "depth", "collaboration", "risk", "learning")


@st.composite
def balanced_questionnaires(draw, max_per_side=3):
    """Every factor used has at least one statement on each side, any weights."""
    factors = draw(st.lists(st.sampled_from(FACTORS), min_size=1, max_size=5, unique=True))
    questions = []
    for factor in factors:
        for role in ROLES:
            for _ in range(draw(st.integers(1, max_per_side))):
                questions.append(
                    ScoredQuestion(
                        slug=f"q{len(questions)}",
                        factor_slug=factor,
                        leans_toward=role,
                        weight=draw(st.integers(1, 5)),
                    )
                )
    return draw(st.permutations(questions))


@st.composite
def answered(draw):
    questions = draw(balanced_questionnaires())
    return questions, {q.slug: draw(st.sampled_from(SCALE)) for q in questions}


def score(questions, answers):
    return score_balanced(questions=questions, answers=answers, roles=ROLES)


@given(balanced_questionnaires(), st.sampled_from(SCALE))
def test_the_same_answer_everywhere_is_50_50_with_no_leaning(questions, point):
    result = score(questions, {q.slug: point for q in questions})
    assert result.assessment.fit_percent == {PAIR: 50, ARCHITECT: 50}
    assert set(result.assessment.leaning.values()) == {0}
    assert result.assessment.outcome == HYBRID and result.strength is None


@given(answered())
def test_swapping_every_answer_mirrors_the_result(case):
    questions, answers = case
    result = score(questions, answers).assessment
    mirror = score(questions, {slug: 6 - value for slug, value in answers.items()}).assessment
    fits = result.fit_percent
    assert mirror.fit_percent == {PAIR: fits[ARCHITECT], ARCHITECT: fits[PAIR]}
    assert mirror.leaning == {slug: -value for slug, value in result.leaning.items()}
    swapped_outcome = {PAIR: ARCHITECT, ARCHITECT: PAIR, HYBRID: HYBRID}[result.outcome]
    assert mirror.outcome == swapped_outcome


@given(answered(), st.data())
def test_agreeing_more_with_a_statement_never_moves_the_fit_away_from_its_role(case, data):
    questions, answers = case
    question = data.draw(st.sampled_from(questions))
    if answers[question.slug] == 5:
        return
    before = score(questions, answers).assessment
    after = score(questions, {**answers, question.slug: answers[question.slug] + 1}).assessment
    toward = question.leans_toward
    assert after.fit_percent[toward] >= before.fit_percent[toward]
    factor = question.factor_slug
    sign = 1 if toward == ARCHITECT else -1
    assert sign * after.leaning[factor] >= sign * before.leaning[factor]


@given(answered())
def test_the_fits_are_the_mean_of_the_factor_leanings(case):
    questions, answers = case
    result = score(questions, answers).assessment
    exact = {}
    for factor in {q.factor_slug for q in questions}:
        means = {}
        for role in ROLES:
            side = [q for q in questions if q.factor_slug == factor and q.leans_toward == role]
            total = sum(q.weight for q in side)
            means[role] = Fraction(sum(q.weight * (answers[q.slug] - 3) for q in side), total)
        exact[factor] = 25 * (means[ARCHITECT] - means[PAIR])
    assert result.leaning == {factor: round(value) for factor, value in exact.items()}
    architect = round(50 + sum(exact.values()) / (2 * len(exact)))
    assert result.fit_percent == {PAIR: 100 - architect, ARCHITECT: architect}


@given(answered())
def test_every_what_would_change_option_reaches_its_outcome(case):
    questions, answers = case
    result = score(questions, answers).assessment
    for alternative in result.what_would_change:
        changed = dict(answers)
        for change in alternative.changes:
            changed[change.question_slug] = change.to_answer
        assert score(questions, changed).assessment.outcome == alternative.outcome


def test_a_factor_with_one_side_only_cannot_be_scored():
    questions = [
        ScoredQuestion("a", "pace", PAIR, 2),
        ScoredQuestion("b", "pace", ARCHITECT, 3),
        ScoredQuestion("c", "risk", PAIR, 2),
    ]
    with pytest.raises(ScoringError, match="risk has no statement leaning toward ai-architect"):
        balanced_weights(questions, ROLES)


def test_balanced_weights_give_every_side_the_same_total():
    questions = [
        ScoredQuestion("a", "pace", PAIR, 3),
        ScoredQuestion("b", "pace", PAIR, 2),
        ScoredQuestion("c", "pace", ARCHITECT, 4),
        ScoredQuestion("d", "risk", PAIR, 1),
        ScoredQuestion("e", "risk", ARCHITECT, 2),
    ]
    weights = balanced_weights(questions, ROLES)
    assert weights == {"a": 12, "b": 8, "c": 20, "d": 20, "e": 20}


def test_a_worked_example():
    questions = [
        ScoredQuestion("a", "pace", PAIR, 3),
        ScoredQuestion("b", "pace", PAIR, 2),
        ScoredQuestion("c", "pace", ARCHITECT, 1),
    ]
    # Pair side: (3*2 + 2*0)/5 = 1.2; architect side: -1. Leaning 25*(-1-1.2) = -55.
    result = score(questions, {"a": 5, "b": 3, "c": 2})
    assert result.assessment.leaning == {"pace": -55}
    assert result.assessment.fit_percent == {PAIR: 78, ARCHITECT: 22}  # 50 - 27.5 -> 22
    assert result.assessment.outcome == PAIR and result.strength == "clear"


@pytest.mark.parametrize(
    ("fits", "strength"),
    [
        ((55, 45), None),
        ((56, 44), "slight"),
        ((60, 40), "slight"),
        ((61, 39), "moderate"),
        ((70, 30), "moderate"),
        ((71, 29), "clear"),
        ((100, 0), "clear"),
    ],
)
def test_strength_bands(fits, strength):
    outcome = HYBRID if strength is None else PAIR
    found = strength_for(fit_percent={PAIR: fits[0], ARCHITECT: fits[1]}, outcome=outcome)
    assert found == strength
    if strength:
        low, high = strength_fit_range(strength)
        assert low <= fits[0] <= high
