"""Scoring version 2: balanced by construction, with the strength of the result.

Plain Python (no Django), exact. Within each decision factor, a side's *mean agreement*
is the weighted mean of the centred answers (-2..+2) to the statements leaning toward that
role. The factor's leaning is the architect side's mean minus the pair-programmer side's,
scaled to -100..100; the architect's fit is 50% plus the mean of the factor leanings
halved. Giving every statement the same answer therefore gives equal means on both sides,
a leaning of 0 on every factor and 50/50, whatever the weights.

It is computed with version 1's exact machinery (`scoring.score_checked`) on *balanced
weights*: each statement's weight is rescaled so that every side of every factor adds up
to the same whole number L (the least common multiple of the side totals). Version 1's
formulas on those weights are exactly the means above, so the fits, leanings, "answers
that counted most" and "what would change" all come out of one tested code path.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from math import lcm

from careers.assessment.scoring import (
    HYBRID,
    HYBRID_MARGIN,
    Assessment,
    RolePair,
    ScoredQuestion,
    ScoringError,
    check_scorable,
    score_checked,
)

SCORING_VERSION = 2
# Strength of a role result, from the margin between the two whole fits (above
# HYBRID_MARGIN, the result is a role): up to SLIGHT_MAX "slight", up to MODERATE_MAX
# "moderate", beyond that "clear".
SLIGHT_MAX_MARGIN = 20
MODERATE_MAX_MARGIN = 40
STRENGTHS = ("slight", "moderate", "clear")


@dataclass(frozen=True)
class BalancedAssessment:
    """A version-2 assessment: `assessment` is on balanced weights; `strength` is None
    for a hybrid result."""

    assessment: Assessment
    strength: str | None
    balanced_total: int  # the sum of the balanced weights (2 x L x factors)

    def fit_points(self, points: int) -> float:
        """An answer's points on balanced weights as percentage points of fit."""
        return round(25 * points / self.balanced_total, 1)

    def as_dict(self) -> dict:
        data = self.assessment.as_dict()
        for contribution in data["top_contributions"]:
            contribution["fit_points"] = self.fit_points(contribution["points"])
        data["strength"] = self.strength
        data["balanced_total"] = self.balanced_total
        return data


def balanced_weights(questions: Sequence[ScoredQuestion], roles: RolePair) -> dict[str, int]:
    """Each statement's weight rescaled so every side of every factor sums to the same L.

    Raises `ScoringError` when a factor has statements on one side only: such a factor
    cannot be balanced (the admin refuses to publish it).
    """
    totals: dict[tuple[str, str], int] = {}
    for q in questions:
        key = (q.factor_slug, q.leans_toward)
        totals[key] = totals.get(key, 0) + q.weight
    for factor in {q.factor_slug for q in questions}:
        missing = [role for role in roles if (factor, role) not in totals]
        if missing:
            raise ScoringError(f"Factor {factor} has no statement leaning toward {missing[0]}.")
    common = lcm(*totals.values())
    return {q.slug: q.weight * common // totals[(q.factor_slug, q.leans_toward)] for q in questions}


def score_balanced(
    *, questions: Sequence[ScoredQuestion], answers: Mapping[str, int], roles: RolePair
) -> BalancedAssessment:
    """Scores one complete set of answers, balanced by construction (see the module)."""
    check_scorable(questions, answers, roles)
    weights = balanced_weights(questions, roles)
    balanced = [replace(q, weight=weights[q.slug]) for q in questions]
    assessment = score_checked(questions=balanced, answers=answers, roles=roles)
    return BalancedAssessment(
        assessment=assessment,
        strength=strength_for(fit_percent=assessment.fit_percent, outcome=assessment.outcome),
        balanced_total=sum(weights.values()),
    )


def strength_for(*, fit_percent: Mapping[str, int], outcome: str) -> str | None:
    """'slight', 'moderate' or 'clear' from the margin between the fits; None if hybrid."""
    if outcome == HYBRID:
        return None
    low, high = sorted(fit_percent.values())
    margin = high - low
    if margin <= HYBRID_MARGIN:  # cannot happen for a role outcome; kept for safety
        return None
    if margin <= SLIGHT_MAX_MARGIN:
        return "slight"
    if margin <= MODERATE_MAX_MARGIN:
        return "moderate"
    return "clear"


def strength_fit_range(strength: str) -> tuple[int, int]:
    """The recommended role's fit % for a strength, e.g. (56, 60) for 'slight'."""
    low_margin, high_margin = {
        "slight": (HYBRID_MARGIN + 1, SLIGHT_MAX_MARGIN),
        "moderate": (SLIGHT_MAX_MARGIN + 1, MODERATE_MAX_MARGIN),
        "clear": (MODERATE_MAX_MARGIN + 1, 100),
    }[strength]
    return (50 + (low_margin + 1) // 2, 50 + high_margin // 2)
