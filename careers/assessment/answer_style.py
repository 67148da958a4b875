"""Answer-style checks: signs that the answers say more about how someone answered than
about what they prefer. Plain Python (no Django), exact.

Each check has a name (its key in the stored scores and the JSON), a threshold stated on
the methodology page from these constants, and a message on the result page.
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from fractions import Fraction

from careers.assessment.scoring import (
    NEUTRAL,
    RolePair,
    ScoredQuestion,
)

# Straight-lining: at least this share of the answers (and this many) on one point.
STRAIGHT_LINING_SHARE = Fraction(9, 10)
STRAIGHT_LINING_MIN_ANSWERS = 5
# Acquiescence: the mean centred answer (-2..+2) to each role's statements is at least
# this, i.e. "Agree" or stronger on average with both sides.
ACQUIESCENCE_MEAN = 1
# Contradiction: "Strongly agree" with statements leaning both ways within this many
# factors or more.
CONTRADICTION_MIN_FACTORS = 2
STRONGLY_AGREE = 5
# Too fast: less than this many seconds per statement between showing the form and
# sending it (measured server-side from a signed time stamp in the form).
TOO_FAST_SECONDS_PER_STATEMENT = Fraction(3, 2)

# No difference: in no factor do the two sides' mean answers differ by this many scale
# steps or more, so the answers prefer neither role anywhere.
NO_DIFFERENCE_STEPS = 1

CHECKS = ("straight_lining", "acquiescence", "contradiction", "no_difference", "too_fast")
# The checks that mean the answers carry too little information for any result but "no
# clear preference yet" (version 3); "too fast" only asks to read the result with care.
INFORMATION_CHECKS = ("straight_lining", "acquiescence", "contradiction", "no_difference")


def answer_style_flags(
    *,
    questions: Sequence[ScoredQuestion],
    answers: Mapping[str, int],
    roles: RolePair,
    seconds_taken: float | None,
) -> dict[str, bool]:
    """Every check's verdict, in `CHECKS` order. `seconds_taken` None: not measured."""
    return {
        "straight_lining": is_straight_lining(answers.values()),
        "acquiescence": is_acquiescent(questions, answers, roles),
        "contradiction": is_contradictory(questions, answers, roles),
        "no_difference": shows_no_difference(questions, answers, roles),
        "too_fast": is_too_fast(seconds_taken, len(questions)),
    }


def is_straight_lining(values) -> bool:
    values = list(values)
    if len(values) < STRAIGHT_LINING_MIN_ANSWERS:
        return False
    most_common = Counter(values).most_common(1)[0][1]
    return Fraction(most_common, len(values)) >= STRAIGHT_LINING_SHARE


def side_means(questions, answers, roles) -> dict[str, Fraction]:
    """The mean centred answer to each role's statements (unweighted)."""
    means = {}
    for role in roles:
        offsets = [answers[q.slug] - NEUTRAL for q in questions if q.leans_toward == role]
        means[role] = Fraction(sum(offsets), len(offsets)) if offsets else Fraction(0)
    return means


def is_acquiescent(questions, answers, roles) -> bool:
    return all(mean >= ACQUIESCENCE_MEAN for mean in side_means(questions, answers, roles).values())


def contradictory_factors(questions, answers, roles) -> list[str]:
    """The factors where statements leaning both ways were strongly agreed with."""
    strongly: dict[str, set[str]] = {}
    for q in questions:
        if answers[q.slug] == STRONGLY_AGREE:
            strongly.setdefault(q.factor_slug, set()).add(q.leans_toward)
    return [factor for factor, sides in strongly.items() if sides == set(roles)]


def is_contradictory(questions, answers, roles) -> bool:
    return len(contradictory_factors(questions, answers, roles)) >= CONTRADICTION_MIN_FACTORS


def factor_side_gaps(questions, answers, roles) -> dict[str, Fraction]:
    """Per factor, the architect side's mean centred answer minus the pair programmer's."""
    gaps = {}
    for factor in dict.fromkeys(q.factor_slug for q in questions):
        in_factor = [q for q in questions if q.factor_slug == factor]
        means = side_means(in_factor, answers, roles)
        gaps[factor] = means[roles.architect] - means[roles.pair_programmer]
    return gaps


def shows_no_difference(questions, answers, roles) -> bool:
    gaps = factor_side_gaps(questions, answers, roles).values()
    return all(abs(gap) < NO_DIFFERENCE_STEPS for gap in gaps)


def answers_are_informative(flags: Mapping[str, bool]) -> bool:
    """False when a check says the answers carry too little information to prefer a role."""
    return not any(flags.get(name) for name in INFORMATION_CHECKS)


def is_too_fast(seconds_taken: float | None, statement_count: int) -> bool:
    if seconds_taken is None:
        return False
    return seconds_taken < TOO_FAST_SECONDS_PER_STATEMENT * statement_count
