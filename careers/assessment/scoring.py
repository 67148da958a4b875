"""The assessment's scoring: answers and weights in, fit per role and the reasons out.

Plain Python (no Django), deterministic, exact: every comparison is made on integers or
fractions, and only the reported percentages are rounded.

The model. Each statement leans toward one of two roles with a weight (1-5). An answer on
the 5-point scale (1 = strongly disagree ... 5 = strongly agree) is centred to -2..+2 and
multiplied by the weight: agreeing pushes toward the statement's role, disagreeing toward
the other one. Summed over the statements, that gives a `net` in -2W..+2W (W = the sum of
the weights), negative toward the pair programmer and positive toward the architect
(`RolePair` names the two roles' slugs).

- fit % of the architect = 100 * (net + 2W) / 4W rounded half-to-even to a whole number,
  and fit % of the pair programmer = 100 - that (all neutral: 50/50);
- leaning of a factor = 100 * net_factor / 2W_factor, in -100..100;
- outcome = ``"hybrid"`` when the two whole-number fits are at most `HYBRID_MARGIN`
  points apart (55/45 is hybrid, 56/44 is not), otherwise the role with the higher fit;
- careless = at least `CARELESS_SHARE` of the answers (and at least
  `CARELESS_MIN_ANSWERS` of them) are the same point of the scale: since every factor has
  statements leaning both ways, giving them all the same answer contradicts itself;
- what would change = for every other outcome, the fewest answer changes that reach it
  (found exactly by dynamic programming over the reachable net scores).

Version 2 (`score_balanced`) runs that machinery on *balanced weights* (see "Balanced by
construction" below); version 3 (`score_with_certainty`) adds the fit's band from the
measurement error of the statements behind it (see "Certainty from the instrument").
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from math import lcm

from careers.assessment.what_would_change import (
    Alternative,
    cheapest_alternatives,
)

SCALE = (1, 2, 3, 4, 5)
NEUTRAL = 3
SCALE_LABELS = {
    1: "Strongly disagree",
    2: "Disagree",
    3: "Neither agree nor disagree",
    4: "Agree",
    5: "Strongly agree",
}
HYBRID = "hybrid"
# Fits at most this many percentage points apart (e.g. 55/45) recommend building both.
HYBRID_MARGIN = 10
CARELESS_SHARE = Fraction(9, 10)
CARELESS_MIN_ANSWERS = 5
TOP_CONTRIBUTIONS = 5


class ScoringError(ValueError):
    """The questions, roles or answers cannot be scored (a programming or content error)."""


@dataclass(frozen=True)
class RolePair:
    """The slugs of the two roles the assessment weighs.

    Every leaning runs from the pair programmer (negative) to the architect (positive).
    """

    pair_programmer: str
    architect: str

    def __iter__(self):
        return iter((self.pair_programmer, self.architect))

    def other(self, slug: str) -> str:
        return self.architect if slug == self.pair_programmer else self.pair_programmer


@dataclass(frozen=True)
class ScoredQuestion:
    """A statement as scoring sees it: agreeing with it leans toward `leans_toward`."""

    slug: str
    factor_slug: str
    leans_toward: str
    weight: int


@dataclass(frozen=True)
class Contribution:
    """How much one answer moved the result, and toward which role (None when neutral)."""

    question_slug: str
    factor_slug: str
    answer: int
    toward: str | None
    points: int


@dataclass(frozen=True)
class Assessment:
    """A scored assessment: fits, leanings, outcome and the reasons behind them.

    `leaning` is per factor slug, in -100..100: negative toward the pair programmer,
    positive toward the architect.
    """

    roles: RolePair
    fit_percent: dict[str, int]
    leaning: dict[str, int]
    outcome: str
    careless: bool
    top_contributions: tuple[Contribution, ...]
    what_would_change: tuple[Alternative, ...]
    hybrid_margin: int = field(default=HYBRID_MARGIN)

    def as_dict(self) -> dict:
        """The assessment as JSON-ready data, for storing with the result."""
        return {
            "roles": [self.roles.pair_programmer, self.roles.architect],
            "fit_percent": dict(self.fit_percent),
            "leaning": dict(self.leaning),
            "outcome": self.outcome,
            "careless": self.careless,
            "hybrid_margin": self.hybrid_margin,
            "top_contributions": [vars(c) for c in self.top_contributions],
            "what_would_change": [
                {"outcome": alt.outcome, "changes": [vars(c) for c in alt.changes]}
                for alt in self.what_would_change
            ],
        }


def score_assessment(
    *,
    questions: Sequence[ScoredQuestion],
    answers: Mapping[str, int],
    roles: RolePair,
) -> Assessment:
    """Scores one complete set of answers (question slug -> 1..5) against `questions`.

    `roles` names the two roles every question leans toward. Raises `ScoringError` for a
    missing, unknown or off-scale answer or a question that leans toward neither role.
    """
    check_scorable(questions, answers, roles)
    return score_checked(questions=questions, answers=answers, roles=roles)


def score_checked(
    *,
    questions: Sequence[ScoredQuestion],
    answers: Mapping[str, int],
    roles: RolePair,
    explain_changes: bool = True,
) -> Assessment:
    """`score_assessment` on input already checked: weights may exceed 5 (balanced weights).

    `explain_changes` False leaves "what would change" empty (version 3 does not show it).
    """
    signs = [architect_sign(q, roles) for q in questions]
    contributions = [
        q.weight * (answers[q.slug] - NEUTRAL) * s for q, s in zip(questions, signs, strict=True)
    ]
    total_weight = sum(q.weight for q in questions)
    net = sum(contributions)
    fits = fit_percent_for(net=net, total_weight=total_weight, roles=roles)
    return Assessment(
        roles=roles,
        fit_percent=fits,
        leaning=_leanings(questions, contributions),
        outcome=outcome_for(fit_percent=fits, roles=roles),
        careless=is_careless(answers.values()),
        top_contributions=_top_contributions(questions, answers, roles),
        what_would_change=_what_would_change(questions, answers, signs, roles, net)
        if explain_changes
        else (),
    )


def fit_percent_for(*, net: int, total_weight: int, roles: RolePair) -> dict[str, int]:
    """Whole fit percentages for a net score in -2W..+2W (negative toward the pair programmer).

    Rounded half-to-even on the exact value, so the two always sum to 100 and swapping
    every answer swaps them exactly.
    """
    architect = round(Fraction(100 * (net + 2 * total_weight), 4 * total_weight))
    return {roles.pair_programmer: 100 - architect, roles.architect: architect}


def outcome_for(*, fit_percent: Mapping[str, int], roles: RolePair) -> str:
    """The role with the higher fit, or hybrid when the (shown) fits are close.

    Decided on the whole percentages the visitor sees: 55/45 is hybrid, 56/44 is not.
    """
    pair_programmer, architect = fit_percent[roles.pair_programmer], fit_percent[roles.architect]
    if abs(pair_programmer - architect) <= HYBRID_MARGIN:
        return HYBRID
    return roles.architect if architect > pair_programmer else roles.pair_programmer


def is_careless(answers) -> bool:
    """True when nearly all answers (at least `CARELESS_SHARE`) are the same point."""
    values = list(answers)
    if len(values) < CARELESS_MIN_ANSWERS:
        return False
    most_common = Counter(values).most_common(1)[0][1]
    return Fraction(most_common, len(values)) >= CARELESS_SHARE


def check_scorable(questions, answers, roles) -> None:
    """Raises `ScoringError` unless `answers` to `questions` can be scored."""
    if roles.pair_programmer == roles.architect or HYBRID in roles:
        raise ScoringError(f"Scoring needs two different roles, not {roles!r}.")
    if not questions:
        raise ScoringError("There are no questions to score.")
    slugs = [q.slug for q in questions]
    if len(set(slugs)) != len(slugs):
        raise ScoringError("Question slugs must be unique.")
    for q in questions:
        if q.leans_toward not in roles:
            raise ScoringError(f"{q.slug} leans toward {q.leans_toward!r}, not one of {roles}.")
        if not 1 <= q.weight <= 5:
            raise ScoringError(f"{q.slug} has weight {q.weight}; weights run from 1 to 5.")
    if set(answers) != set(slugs):
        raise ScoringError("Every question needs exactly one answer.")
    for slug, value in answers.items():
        if type(value) is not int or value not in SCALE:
            raise ScoringError(f"The answer to {slug} is {value!r}, not on the 1-5 scale.")


def architect_sign(question: ScoredQuestion, roles: RolePair) -> int:
    """+1 for a statement leaning toward the architect, -1 toward the pair programmer: agreeing
    moves the net score that way."""
    return 1 if question.leans_toward == roles.architect else -1


def _leanings(questions, contributions) -> dict[str, int]:
    net: dict[str, int] = {}
    weight: dict[str, int] = {}
    for q, points in zip(questions, contributions, strict=True):
        net[q.factor_slug] = net.get(q.factor_slug, 0) + points
        weight[q.factor_slug] = weight.get(q.factor_slug, 0) + q.weight
    return {slug: round(Fraction(100 * net[slug], 2 * weight[slug])) for slug in net}


def _top_contributions(questions, answers, roles) -> tuple[Contribution, ...]:
    ranked = []
    for index, q in enumerate(questions):
        offset = answers[q.slug] - NEUTRAL
        if offset == 0:
            continue
        toward = q.leans_toward if offset > 0 else roles.other(q.leans_toward)
        contribution = Contribution(
            q.slug, q.factor_slug, answers[q.slug], toward, q.weight * abs(offset)
        )
        ranked.append((-contribution.points, index, contribution))
    ranked.sort(key=lambda item: item[:2])
    return tuple(c for _, _, c in ranked[:TOP_CONTRIBUTIONS])


def _what_would_change(questions, answers, signs, roles, net) -> tuple[Alternative, ...]:
    total_weight = sum(q.weight for q in questions)

    def outcome_at(candidate_net: int) -> str:
        fits = fit_percent_for(net=candidate_net, total_weight=total_weight, roles=roles)
        return outcome_for(fit_percent=fits, roles=roles)

    outcomes = (HYBRID, roles.pair_programmer, roles.architect)
    return cheapest_alternatives(questions, answers, signs, net, outcome_at, outcomes)


# --- Balanced by construction (scoring version 2) ----------------------------------------
# Within each decision factor, a side's *mean agreement*
# is the weighted mean of the centred answers (-2..+2) to the statements leaning toward that
# role. The factor's leaning is the architect side's mean minus the pair-programmer side's,
# scaled to -100..100; the architect's fit is 50% plus the mean of the factor leanings
# halved. Giving every statement the same answer therefore gives equal means on both sides,
# a leaning of 0 on every factor and 50/50, whatever the weights.
#
# It is computed with version 1's exact machinery (`score_checked`) on *balanced
# weights*: each statement's weight is rescaled so that every side of every factor adds up
# to the same whole number L (the least common multiple of the side totals). Version 1's
# formulas on those weights are exactly the means above, so the fits, leanings, "answers
# that counted most" and "what would change" all come out of one tested code path.

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
    *,
    questions: Sequence[ScoredQuestion],
    answers: Mapping[str, int],
    roles: RolePair,
    explain_changes: bool = True,
) -> BalancedAssessment:
    """Scores one complete set of answers, balanced by construction (see the module)."""
    check_scorable(questions, answers, roles)
    weights = balanced_weights(questions, roles)
    balanced = [replace(q, weight=weights[q.slug]) for q in questions]
    assessment = score_checked(
        questions=balanced, answers=answers, roles=roles, explain_changes=explain_changes
    )
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
