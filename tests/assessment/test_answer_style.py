"""careers/assessment/scoring.py and timing.py: each check at its threshold."""

import time

import pytest

from careers.assessment.forms import seconds_since, started_stamp
from careers.assessment.scoring import (
    ScoredQuestion,
    answer_style_flags,
    is_acquiescent,
    is_contradictory,
    is_straight_lining,
    is_too_fast,
)
from tests.helpers import ARCHITECT, PAIR, ROLES

QUESTIONS = [
    ScoredQuestion(f"{factor}-{side}-{n}", factor, role, 2)
    for factor in ("pace", "depth", "risk")
    for side, role in (("p", PAIR), ("a", ARCHITECT))
    for n in (1, 2)
]


def answers(pair: list[int], architect: list[int]) -> dict[str, int]:
    """Answers for the pair and architect statements, in QUESTIONS order, cycling."""
    values = {PAIR: iter(pair * 6), ARCHITECT: iter(architect * 6)}
    return {q.slug: next(values[q.leans_toward]) for q in QUESTIONS}


def test_straight_lining_at_its_threshold():
    assert is_straight_lining([4] * 9 + [2])  # 90%
    assert not is_straight_lining([4] * 8 + [2, 1])  # 80%
    assert not is_straight_lining([4] * 4)  # too few answers to judge


def test_acquiescence_needs_agreement_with_both_sides():
    assert is_acquiescent(QUESTIONS, answers([4], [4]), ROLES)
    assert is_acquiescent(QUESTIONS, answers([5, 3], [4]), ROLES)  # mean exactly "Agree"
    assert not is_acquiescent(QUESTIONS, answers([5, 2], [4]), ROLES)
    assert not is_acquiescent(QUESTIONS, answers([5], [2]), ROLES)


def test_contradiction_needs_strong_agreement_both_ways_in_two_factors():
    one_factor = answers([4], [2]) | {"pace-p-1": 5, "pace-a-1": 5}
    assert not is_contradictory(QUESTIONS, one_factor, ROLES)
    two_factors = one_factor | {"risk-p-2": 5, "risk-a-1": 5}
    assert is_contradictory(QUESTIONS, two_factors, ROLES)


def test_too_fast_at_its_threshold():
    # docs/assessment-method.md: fewer than 1.5 seconds per statement; 30 s for 20.
    assert is_too_fast(29.9, 20)
    assert not is_too_fast(30, 20)
    assert not is_too_fast(None, 20)


def test_a_clear_genuine_answer_set_raises_no_flag():
    genuine = answers([5, 4], [1, 2])
    flags = answer_style_flags(questions=QUESTIONS, answers=genuine, roles=ROLES, seconds_taken=90)
    assert flags == {
        "straight_lining": False,
        "acquiescence": False,
        "contradiction": False,
        "no_difference": False,
        "too_fast": False,
    }


def test_the_stamp_measures_elapsed_time_and_refuses_forgeries():
    now = time.time()
    assert seconds_since(started_stamp(at=now - 42), now=now) == pytest.approx(42, abs=0.2)
    assert seconds_since(started_stamp(at=now - 42)[:-2] + "xx", now=now) is None
    assert seconds_since(started_stamp(at=now - 6 * 60 * 60 + 5), now=now) is not None
    assert seconds_since(started_stamp(at=now - 6 * 60 * 60 - 5), now=now) is None  # > 6 h
    assert seconds_since(started_stamp(at=now + 60), now=now) is None  # from the future
    assert seconds_since("", now=now) is None
    assert seconds_since("x" * 5000, now=now) is None
