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

Answer-style checks (`answer_style_flags`, see "Answer-style checks" below) say when the
answers describe how someone answered more than what they prefer.
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from math import ceil, floor, lcm, sqrt

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


# --- Certainty from the instrument (scoring version 3) ---------------------------------
# The fit as a band from the measurement error of the statements behind it, and an outcome
# that names a role only when the band clears the middle.
#
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


# --- Answer-style checks ----------------------------------------------------------------
# Signs that the answers say more about how someone answered than about what they prefer.
#
# Each check has a name (its key in the stored scores and the JSON), a threshold stated on
# the methodology page from these constants, and a message on the result page.

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
