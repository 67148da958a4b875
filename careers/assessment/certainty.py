"""Certainty from the instrument (scoring version 3): the fit as a band from the
measurement error of the statements behind it, and an outcome that names a role only when
the band clears the middle."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from math import ceil, floor, sqrt

from careers.assessment.scoring import (
    HYBRID,
    NEUTRAL,
    BalancedAssessment,
    RolePair,
    ScoredQuestion,
    architect_sign,
    balanced_weights,
    score_balanced,
)

# The architect's fit on balanced weights is 50 + 25 x the weighted mean of the *keyed*
# answers (each centred answer, -2..+2, signed toward the architect). Its standard error is
# the spread of those answers over the statements, divided by the square root of the
# statements' (effective) number; the spread is never taken below one scale step, because a
# single answer may move a step between two sittings. The band is the fit plus or minus
# BAND_Z standard errors, widened to multiples of BAND_STEP: the instrument cannot carry a
# finer figure. A role is named only when the whole band lies on its side of 50.

SCORING_VERSION = 3
NO_PREFERENCE = "no-clear-preference"
BAND_Z = 1.96  # a 95% range
BAND_STEP = 5
ANSWER_ERROR_FLOOR = 1  # one scale step
# A role result is "clear" when its band stays at least this far from the middle.
CLEAR_DISTANCE = 15
CERTAIN_STRENGTHS = ("moderate", "clear")


@dataclass(frozen=True)
class FitBand:
    """The architect's fit as a range of whole percentages (multiples of `BAND_STEP`)."""

    low: int
    high: int

    def for_role(self, slug: str, roles: RolePair) -> tuple[int, int]:
        """The band of `slug`'s fit: the pair programmer's is the architect's mirrored."""
        if slug == roles.architect:
            return (self.low, self.high)
        return (100 - self.high, 100 - self.low)


@dataclass(frozen=True)
class CertainAssessment:
    """A version-3 assessment: the balanced scoring, its band, and the outcome it allows."""

    balanced: BalancedAssessment
    band: FitBand
    outcome: str
    strength: str | None

    def as_dict(self) -> dict:
        data = self.balanced.as_dict()
        roles = self.balanced.assessment.roles
        data["fit_band"] = {slug: list(self.band.for_role(slug, roles)) for slug in roles}
        data["outcome"] = self.outcome
        data["strength"] = self.strength
        del data["fit_percent"], data["what_would_change"], data["hybrid_margin"]
        return data


def fit_band(
    *, questions: Sequence[ScoredQuestion], answers: Mapping[str, int], roles: RolePair
) -> FitBand:
    """The band of the architect's fit for answers to `questions` (balanced weights)."""
    keyed = [(q.weight, (answers[q.slug] - NEUTRAL) * architect_sign(q, roles)) for q in questions]
    total = sum(weight for weight, _ in keyed)
    mean = sum(weight * value for weight, value in keyed) / total
    count = len(keyed)
    spread = sum(weight * (value - mean) ** 2 for weight, value in keyed) / total
    spread *= count / (count - 1) if count > 1 else 1
    error = 25 * sqrt(max(spread, ANSWER_ERROR_FLOOR**2) * sum(w * w for w, _ in keyed)) / total
    centre = 50 + 25 * mean
    low = floor((centre - BAND_Z * error) / BAND_STEP) * BAND_STEP
    high = ceil((centre + BAND_Z * error) / BAND_STEP) * BAND_STEP
    return FitBand(max(low, 0), min(high, 100))


def certain_outcome(*, band: FitBand, roles: RolePair, informative: bool) -> str:
    """No clear preference, a role when its whole band clears 50, or a close call (hybrid)."""
    if not informative:
        return NO_PREFERENCE
    if band.low > 50:
        return roles.architect
    if band.high < 50:
        return roles.pair_programmer
    return HYBRID


def certain_strength(*, band: FitBand, outcome: str, roles: RolePair) -> str | None:
    """'clear' when a role's band stays `CLEAR_DISTANCE` from 50, else 'moderate'."""
    if outcome not in roles:
        return None
    distance = band.low - 50 if outcome == roles.architect else 50 - band.high
    return "clear" if distance >= CLEAR_DISTANCE else "moderate"


def score_with_certainty(
    *,
    questions: Sequence[ScoredQuestion],
    answers: Mapping[str, int],
    roles: RolePair,
    informative: bool,
) -> CertainAssessment:
    """Scores one complete set of answers with its band (version 3).

    `informative` is False when the answer-style checks found the answers carry too
    little information to prefer anything (`answer_style.INFORMATION_CHECKS`).
    """
    balanced = score_balanced(
        questions=questions, answers=answers, roles=roles, explain_changes=False
    )
    weights = balanced_weights(questions, roles)
    band = fit_band(
        questions=[replace(q, weight=weights[q.slug]) for q in questions],
        answers=answers,
        roles=roles,
    )
    outcome = certain_outcome(band=band, roles=roles, informative=informative)
    return CertainAssessment(
        balanced=balanced,
        band=band,
        outcome=outcome,
        strength=certain_strength(band=band, outcome=outcome, roles=roles),
    )
