"""A stored result made readable: the view-model of the result page and its JSON, and its prose.

Built only from the result's own scores and the questionnaire it was scored against, so a
result reads the same after an editor changes the live questions.
"""

from dataclasses import dataclass

from careers.assessment.scoring import HYBRID, SCALE_LABELS, RolePair
from careers.assessment.selectors import questionnaire_snapshot_get
from careers.models import AssessmentResult


@dataclass(frozen=True)
class RoleFit:
    slug: str
    name: str
    percent: int
    recommended: bool


@dataclass(frozen=True)
class FactorLeaning:
    """A factor's leaning: -100 (all toward the pair programmer) .. 100 (the architect)."""

    slug: str
    name: str
    leaning: int
    pair_programmer_pole: str
    architect_pole: str
    pair_programmer_name: str
    architect_name: str

    @property
    def magnitude(self) -> int:
        return abs(self.leaning)

    @property
    def toward(self) -> str | None:
        if self.leaning == 0:
            return None
        return self.architect_name if self.leaning > 0 else self.pair_programmer_name

    @property
    def bar_x(self) -> int:
        """Where the bar starts on a 0..200 axis whose middle (100) is 'no leaning'."""
        return 100 + min(self.leaning, 0)


@dataclass(frozen=True)
class AnsweredStatement:
    statement: str
    factor_name: str
    answer_label: str
    toward_name: str | None
    points: int
    weight: int
    fit_points: float | None = None  # version 2: how far it moved the fit, in % points


@dataclass(frozen=True)
class ChangeOption:
    outcome: str
    outcome_label: str
    changes: tuple[tuple[str, str, str], ...]  # statement, from label, to label


@dataclass(frozen=True)
class ResultReport:
    result: AssessmentResult
    outcome: str
    outcome_label: str
    outcome_sentence: str
    fits: tuple[RoleFit, ...]  # pair programmer first, then architect
    factors: tuple[FactorLeaning, ...]
    top_answers: tuple[AnsweredStatement, ...]
    change_options: tuple[ChangeOption, ...]
    careless: bool
    hybrid_margin: int
    roles: RolePair

    @property
    def recommended_role_slugs(self) -> tuple[str, ...]:
        """The recommended role, or both roles for a hybrid result."""
        return tuple(self.roles) if self.outcome == HYBRID else (self.outcome,)


def result_report(*, result: AssessmentResult) -> ResultReport:
    """What the result page and JSON show, built from the result's own snapshot and scores."""
    snapshot = questionnaire_snapshot_get(questionnaire_id=result.questionnaire_id)
    scores = result.scores
    role_names = {role["slug"]: role["name"] for role in snapshot["roles"]}
    questions = {q["slug"]: q for q in snapshot["questions"]}
    factor_names = {f["slug"]: f["name"] for f in snapshot["factors"]}
    roles = RolePair(*scores["roles"])
    outcome = scores["outcome"]

    def name(slug):
        return role_names.get(slug, slug)

    fits = tuple(
        RoleFit(slug, name(slug), scores["fit_percent"][slug], slug == outcome) for slug in roles
    )
    factors = tuple(
        FactorLeaning(
            slug=f["slug"],
            name=f["name"],
            leaning=scores["leaning"][f["slug"]],
            pair_programmer_pole=f["poles"].get(roles.pair_programmer, ""),
            architect_pole=f["poles"].get(roles.architect, ""),
            pair_programmer_name=name(roles.pair_programmer),
            architect_name=name(roles.architect),
        )
        for f in snapshot["factors"]
        if f["slug"] in scores["leaning"]
    )
    top_answers = tuple(
        AnsweredStatement(
            statement=questions[c["question_slug"]]["statement"],
            factor_name=factor_names.get(c["factor_slug"], c["factor_slug"]),
            answer_label=SCALE_LABELS[c["answer"]],
            toward_name=name(c["toward"]) if c["toward"] else None,
            points=c["points"],
            weight=questions[c["question_slug"]]["weight"],
            fit_points=c.get("fit_points"),
        )
        for c in scores["top_contributions"]
    )
    change_options = tuple(
        ChangeOption(
            outcome=alt["outcome"],
            outcome_label=outcome_label(alt["outcome"], role_names),
            changes=tuple(
                (
                    questions[ch["question_slug"]]["statement"],
                    SCALE_LABELS[ch["from_answer"]],
                    SCALE_LABELS[ch["to_answer"]],
                )
                for ch in alt["changes"]
            ),
        )
        for alt in scores["what_would_change"]
    )
    return ResultReport(
        result=result,
        outcome=outcome,
        outcome_label=outcome_label(outcome, role_names),
        outcome_sentence=outcome_sentence(
            outcome, fits, scores["hybrid_margin"], result.scoring_version
        ),
        fits=fits,
        factors=factors,
        top_answers=top_answers,
        change_options=change_options,
        careless=scores["careless"],
        hybrid_margin=scores["hybrid_margin"],
        roles=roles,
    )


def outcome_label(outcome: str, role_names: dict[str, str]) -> str:
    """'Hybrid: build both' or the role's name."""
    if outcome == HYBRID:
        return "Hybrid: build both"
    return role_names.get(outcome, outcome)


def outcome_sentence(outcome: str, fits: tuple[RoleFit, ...], margin: int, version: int = 1) -> str:
    """The result in one sentence (version 1 results keep their original wording)."""
    if outcome == HYBRID:
        pair_programmer, architect = fits
        return (
            f"Your answers put the {pair_programmer.name} at {pair_programmer.percent}% and the "
            f"{architect.name} at {architect.percent}%: within {margin} points, so build skills "
            "in both, as the article advises."
        )
    best = next(fit for fit in fits if fit.slug == outcome)
    other = next(fit for fit in fits if fit.slug != outcome)
    if version >= 2:
        return (
            f"Your answers put the {best.name} at {best.percent}% and the {other.name} at "
            f"{other.percent}%: {best.percent - other.percent} points apart."
        )
    return (
        f"Your answers put the {best.name} at {best.percent}% and the {other.name} at "
        f"{other.percent}%: more than {margin} points apart, so one role stands out."
    )


def result_as_json(*, report: ResultReport, url: str) -> dict:
    """The result as the public JSON document."""
    result = report.result
    return {
        "id": str(result.pk),
        "url": url,
        "created_at": result.created_at.isoformat(),
        "outcome": report.outcome,
        "outcome_label": report.outcome_label,
        "fit_percent": {fit.slug: fit.percent for fit in report.fits},
        "leaning": {factor.slug: factor.leaning for factor in report.factors},
        "leaning_scale": (
            f"-100 = {report.roles.pair_programmer}, +100 = {report.roles.architect}"
        ),
        "careless": report.careless,
        "fits_me": result.fits_me,
        "scoring_version": result.scoring_version,
    }
