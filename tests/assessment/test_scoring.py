"""careers/assessment/scoring.py: invariants as hypothesis properties, then worked examples."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careers.assessment.scoring import (
    HYBRID,
    SCALE,
    ScoredQuestion,
    ScoringError,
    fit_percent_for,
    is_careless,
    outcome_for,
    score_assessment,
)
from careers.assessment.what_would_change import AnswerChange
from tests.helpers import ARCHITECT, PAIR, ROLES

FACTORS = ("pace", "depth", "collaboration", "risk", "learning")


@st.composite
def questionnaires(draw, min_size=1, max_size=20):
    size = draw(st.integers(min_size, max_size))
    return [
        ScoredQuestion(
            slug=f"q{index}",
            factor_slug=draw(st.sampled_from(FACTORS)),
            leans_toward=draw(st.sampled_from(tuple(ROLES))),
            weight=draw(st.integers(1, 5)),
        )
        for index in range(size)
    ]


@st.composite
def answered(draw, min_size=1, max_size=20):
    questions = draw(questionnaires(min_size, max_size))
    answers = {q.slug: draw(st.sampled_from(SCALE)) for q in questions}
    return questions, answers


def score(questions, answers):
    return score_assessment(questions=questions, answers=answers, roles=ROLES)


def swapped(answers):
    return {slug: 6 - value for slug, value in answers.items()}


def apply(answers, changes):
    result = dict(answers)
    for change in changes:
        assert result[change.question_slug] == change.from_answer
        result[change.question_slug] = change.to_answer
    return result


# --- Invariants -----------------------------------------------------------------------


@given(answered())
def test_fits_stay_within_0_and_100_and_sum_to_100(case):
    result = score(*case)
    assert all(0 <= fit <= 100 for fit in result.fit_percent.values())
    assert sum(result.fit_percent.values()) == 100
    assert all(-100 <= leaning <= 100 for leaning in result.leaning.values())


@given(answered(), st.data())
def test_agreeing_more_with_a_statement_never_lowers_its_roles_fit(case, data):
    questions, answers = case
    question = data.draw(st.sampled_from(questions))
    lower = data.draw(st.sampled_from(SCALE[:-1]))
    higher = data.draw(st.integers(lower + 1, 5))
    before = score(questions, {**answers, question.slug: lower})
    after = score(questions, {**answers, question.slug: higher})
    role = question.leans_toward
    assert after.fit_percent[role] >= before.fit_percent[role]
    factor = question.factor_slug
    if role == ROLES.architect:
        assert after.leaning[factor] >= before.leaning[factor]
    else:
        assert after.leaning[factor] <= before.leaning[factor]


@given(questionnaires())
def test_all_neutral_answers_tie(questions):
    result = score(questions, {q.slug: 3 for q in questions})
    assert result.fit_percent == {PAIR: 50, ARCHITECT: 50}
    assert result.outcome == HYBRID
    assert set(result.leaning.values()) == {0}
    assert result.top_contributions == ()


@given(answered())
def test_swapping_every_answers_direction_swaps_the_roles(case):
    questions, answers = case
    result, mirror = score(questions, answers), score(questions, swapped(answers))
    assert mirror.fit_percent == {
        PAIR: result.fit_percent[ARCHITECT],
        ARCHITECT: result.fit_percent[PAIR],
    }
    assert mirror.leaning == {slug: -value for slug, value in result.leaning.items()}
    expected = {PAIR: ARCHITECT, ARCHITECT: PAIR, HYBRID: HYBRID}[result.outcome]
    assert mirror.outcome == expected


@given(answered())
def test_outcome_is_hybrid_exactly_when_the_fits_are_within_the_margin(case):
    result = score(*case)
    gap = result.fit_percent[ARCHITECT] - result.fit_percent[PAIR]
    if abs(gap) <= 10:  # docs/assessment-method.md: "at most 10 points apart"
        assert result.outcome == HYBRID
    else:
        assert result.outcome == (ARCHITECT if gap > 0 else PAIR)


@pytest.mark.parametrize(
    ("pair", "architect", "outcome"),
    [(50, 50, HYBRID), (45, 55, HYBRID), (55, 45, HYBRID), (44, 56, ARCHITECT), (56, 44, PAIR)],
)
def test_hybrid_is_ten_points_apart_or_less(pair, architect, outcome):
    assert outcome_for(fit_percent={PAIR: pair, ARCHITECT: architect}, roles=ROLES) == outcome


@given(answered())
def test_what_would_change_reaches_every_other_outcome(case):
    questions, answers = case
    result = score(questions, answers)
    outcomes = {alternative.outcome for alternative in result.what_would_change}
    assert outcomes == {PAIR, ARCHITECT, HYBRID} - {result.outcome}
    for alternative in result.what_would_change:
        assert alternative.changes, "a different outcome needs at least one change"
        changed_answers = apply(answers, alternative.changes)
        changed = score(questions, changed_answers)
        assert changed.outcome == alternative.outcome == outcome_of(questions, changed_answers)
        assert len({c.question_slug for c in alternative.changes}) == len(alternative.changes)


def outcome_of(questions, answers):
    """The outcome alone, straight from the public formula (fast enough to brute-force)."""
    sign = {ARCHITECT: 1, PAIR: -1}
    net = sum(q.weight * (answers[q.slug] - 3) * sign[q.leans_toward] for q in questions)
    total = sum(q.weight for q in questions)
    return outcome_for(
        fit_percent=fit_percent_for(net=net, total_weight=total, roles=ROLES), roles=ROLES
    )


@given(answered(max_size=4))
def test_what_would_change_is_the_fewest_changes(case):
    questions, answers = case
    result = score(questions, answers)
    fewest = {}
    slugs = [q.slug for q in questions]
    for values in itertools.product(SCALE, repeat=len(slugs)):
        candidate = dict(zip(slugs, values, strict=True))
        outcome = outcome_of(questions, candidate)
        changes = sum(candidate[s] != answers[s] for s in slugs)
        fewest[outcome] = min(fewest.get(outcome, changes), changes)
    for alternative in result.what_would_change:
        assert len(alternative.changes) == fewest[alternative.outcome]


@given(answered())
def test_top_contributions_are_the_largest_and_point_the_right_way(case):
    questions, answers = case
    result = score(questions, answers)
    by_slug = {q.slug: q for q in questions}
    points = [c.points for c in result.top_contributions]
    assert points == sorted(points, reverse=True)
    everything = sorted((q.weight * abs(answers[q.slug] - 3) for q in questions), reverse=True)
    assert points == [p for p in everything if p][: len(points)]
    for contribution in result.top_contributions:
        question = by_slug[contribution.question_slug]
        agreed = contribution.answer > 3
        assert (contribution.toward == question.leans_toward) == agreed


@given(answered())
def test_scoring_is_deterministic_and_serialisable(case):
    import json

    first, second = score(*case), score(*case)
    assert first == second
    assert json.loads(json.dumps(first.as_dict())) == first.as_dict()


# --- Examples -------------------------------------------------------------------------


def example_questionnaire():
    """Two factors, each with one statement per role; weights 1..4."""
    return [
        ScoredQuestion("ship-daily", "pace", PAIR, 2),
        ScoredQuestion("long-horizon", "pace", ARCHITECT, 2),
        ScoredQuestion("debugging", "depth", PAIR, 1),
        ScoredQuestion("whole-systems", "depth", ARCHITECT, 4),
    ]


def test_a_clear_architect():
    answers = {"ship-daily": 1, "long-horizon": 5, "debugging": 1, "whole-systems": 5}
    result = score(example_questionnaire(), answers)
    assert result.fit_percent == {PAIR: 0, ARCHITECT: 100}
    assert result.leaning == {"pace": 100, "depth": 100}
    assert result.outcome == ARCHITECT
    assert result.top_contributions[0].question_slug == "whole-systems"
    assert result.top_contributions[0].points == 8


def test_a_worked_example_with_exact_numbers():
    # net = -2*1 + 2*1 + -1*0 + 4*1 = 4 out of 2W = 18, so the architect's fit is
    # 100 * (4 + 18) / 36 = 61.1 -> 61, and the pair programmer's 39: 22 points apart.
    answers = {"ship-daily": 4, "long-horizon": 4, "debugging": 3, "whole-systems": 4}
    result = score(example_questionnaire(), answers)
    assert result.fit_percent == {PAIR: 39, ARCHITECT: 61}
    assert result.leaning == {"pace": 0, "depth": 40}
    assert result.outcome == ARCHITECT
    hybrid = next(a for a in result.what_would_change if a.outcome == HYBRID)
    assert hybrid.changes == (AnswerChange("whole-systems", 4, 3),)


def test_fits_55_45_are_hybrid_but_56_44_are_not():
    questions = [ScoredQuestion(f"q{i}", "pace", ARCHITECT, 1) for i in range(10)]
    # Each "agree" adds 1 to net out of 2W = 20: fit = 50 + 2.5 per agreement.
    two_agree = {q.slug: 4 if i < 2 else 3 for i, q in enumerate(questions)}
    three_agree = {q.slug: 4 if i < 3 else 3 for i, q in enumerate(questions)}
    assert score(questions, two_agree).fit_percent[ARCHITECT] == 55
    assert score(questions, two_agree).outcome == HYBRID
    assert score(questions, three_agree).fit_percent[ARCHITECT] == 58
    assert score(questions, three_agree).outcome == ARCHITECT


def test_half_points_round_to_even_so_fits_still_sum_to_100():
    questions = [ScoredQuestion(f"q{i}", "pace", ARCHITECT, 1) for i in range(10)]
    one_agree = {q.slug: 4 if i == 0 else 3 for i, q in enumerate(questions)}
    assert score(questions, one_agree).fit_percent == {PAIR: 48, ARCHITECT: 52}  # 52.5


def test_same_answer_everywhere_is_careless():
    questions = [*example_questionnaire(), ScoredQuestion("extra", "depth", PAIR, 3)]
    assert score(questions, {q.slug: 4 for q in questions}).careless
    varied = {q.slug: 4 for q in questions} | {"extra": 2}
    assert not score(questions, varied).careless


@pytest.mark.parametrize(
    ("answers", "careless"),
    [
        ([5] * 18 + [4, 4], True),  # 90%: the threshold
        ([5] * 17 + [4, 4, 1], False),  # 85%
        ([3] * 20, True),  # all neutral: no opinion on anything
        ([3] * 4, False),  # too few answers to judge
        ([1, 2, 3, 4, 5] * 4, False),
    ],
)
def test_careless_threshold(answers, careless):
    assert is_careless(answers) is careless


@pytest.mark.parametrize(
    "answers",
    [
        {"ship-daily": 1, "long-horizon": 5, "debugging": 1},  # missing
        {"ship-daily": 1, "long-horizon": 5, "debugging": 1, "whole-systems": 5, "x": 3},
        {"ship-daily": 0, "long-horizon": 5, "debugging": 1, "whole-systems": 5},
        {"ship-daily": 6, "long-horizon": 5, "debugging": 1, "whole-systems": 5},
        {"ship-daily": "3", "long-horizon": 5, "debugging": 1, "whole-systems": 5},
        {"ship-daily": True, "long-horizon": 5, "debugging": 1, "whole-systems": 5},
    ],
)
def test_incomplete_unknown_or_off_scale_answers_are_refused(answers):
    with pytest.raises(ScoringError):
        score(example_questionnaire(), answers)


def test_a_question_leaning_toward_a_third_role_is_refused():
    questions = [ScoredQuestion("q", "pace", "manager", 2)]
    with pytest.raises(ScoringError):
        score(questions, {"q": 3})


def test_scoring_imports_no_django():
    import ast
    from pathlib import Path

    from careers.assessment import scoring

    tree = ast.parse(Path(scoring.__file__).read_text())
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "django" not in imported
