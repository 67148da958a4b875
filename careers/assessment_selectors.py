"""Reads for the assessment pages: the live questionnaire, and stored results made readable.

A stored result is shown from the questionnaire it was scored against and its scores,
never from the live questions, so it reads the same after an editor changes the
questionnaire. Only the next steps (skills, tools, links) come from the live content.
"""

import functools
from dataclasses import dataclass

from django.db.models import F, Prefetch, Q

from careers.models import AssessmentResult, Question, Questionnaire, Role, RoleSkill, Tool
from careers.scoring import HYBRID, SCALE_LABELS
from rolefit.page_cache import ContentMemo

NEXT_STEP_SKILLS = 3
NEXT_STEP_TOOLS = 5


# The live questionnaire, kept in each worker until the content changes.
LIVE_QUESTIONS = ContentMemo(max_entries=1)


def assessment_questions() -> list[Question]:
    """The active questions, in form order, each leaning toward one of its factor's roles.

    Only questions whose factor points to the same two roles as the first factor are kept,
    so an inconsistent edit narrows the questionnaire instead of breaking it.
    """
    return LIVE_QUESTIONS.get_or_compute("live", live_questions)


def live_questions() -> list[Question]:
    rows = list(
        Question.objects.active()
        .filter(
            Q(leans_toward=F("factor__pair_programmer_role"))
            | Q(leans_toward=F("factor__architect_role"))
        )
        .select_related("factor__pair_programmer_role", "factor__architect_role", "leans_toward")
    )
    if not rows:
        return []
    pair = role_pair(rows)
    return [
        q
        for q in rows
        if (q.factor.pair_programmer_role_id, q.factor.architect_role_id)
        == (pair[0].id, pair[1].id)
    ]


def role_pair(questions: list[Question]) -> tuple[Role, Role]:
    """The two roles the questionnaire weighs: the first factor's (pair programmer, architect)."""
    factor = questions[0].factor
    return factor.pair_programmer_role, factor.architect_role


# --- A stored result, made readable ---------------------------------------------------


@dataclass(frozen=True)
class RoleFit:
    slug: str
    name: str
    percent: int
    recommended: bool


@dataclass(frozen=True)
class FactorLeaning:
    slug: str
    name: str
    leaning: int  # -100 (left role) .. 100 (right role)
    left_pole: str
    right_pole: str
    left_role: str
    right_role: str

    @property
    def magnitude(self) -> int:
        return abs(self.leaning)

    @property
    def toward(self) -> str | None:
        if self.leaning == 0:
            return None
        return self.right_role if self.leaning > 0 else self.left_role

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
    fits: tuple[RoleFit, ...]
    factors: tuple[FactorLeaning, ...]
    top_answers: tuple[AnsweredStatement, ...]
    change_options: tuple[ChangeOption, ...]
    careless: bool
    hybrid_margin: int
    role_slugs: tuple[str, ...]


def result_get(*, pk) -> AssessmentResult | None:
    """The stored result with this id, or None."""
    try:
        return AssessmentResult.objects.get(pk=pk)
    except AssessmentResult.DoesNotExist:
        return None


@functools.lru_cache(maxsize=32)
def questionnaire_snapshot(*, questionnaire_id: int) -> dict:
    """The snapshot of a stored questionnaire: read once per worker, as it never changes."""
    return Questionnaire.objects.values_list("snapshot", flat=True).get(pk=questionnaire_id)


def result_report(*, result: AssessmentResult) -> ResultReport:
    """What the result page and JSON show, built from the result's own snapshot and scores."""
    snapshot = questionnaire_snapshot(questionnaire_id=result.questionnaire_id)
    scores = result.scores
    role_names = {role["slug"]: role["name"] for role in snapshot["roles"]}
    questions = {q["slug"]: q for q in snapshot["questions"]}
    factor_names = {f["slug"]: f["name"] for f in snapshot["factors"]}
    left, right = scores["roles"]
    outcome = scores["outcome"]

    def name(slug):
        return role_names.get(slug, slug)

    fits = tuple(
        RoleFit(slug, name(slug), scores["fit_percent"][slug], slug == outcome)
        for slug in (left, right)
    )
    factors = tuple(
        FactorLeaning(
            slug=f["slug"],
            name=f["name"],
            leaning=scores["leaning"][f["slug"]],
            left_pole=f["poles"].get(left, ""),
            right_pole=f["poles"].get(right, ""),
            left_role=name(left),
            right_role=name(right),
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
        outcome_sentence=outcome_sentence(outcome, fits, scores["hybrid_margin"]),
        fits=fits,
        factors=factors,
        top_answers=top_answers,
        change_options=change_options,
        careless=scores["careless"],
        hybrid_margin=scores["hybrid_margin"],
        role_slugs=(left, right),
    )


def outcome_label(outcome: str, role_names: dict[str, str]) -> str:
    """'Hybrid: both roles' or the role's name."""
    if outcome == HYBRID:
        return "Hybrid: build both"
    return role_names.get(outcome, outcome)


def outcome_sentence(outcome: str, fits: tuple[RoleFit, ...], margin: int) -> str:
    """The result in one sentence."""
    if outcome == HYBRID:
        return (
            f"Your answers put the {fits[0].name} at {fits[0].percent}% and the {fits[1].name} "
            f"at {fits[1].percent}%: within {margin} points, so build skills in both, as the "
            "article advises."
        )
    best = next(fit for fit in fits if fit.slug == outcome)
    other = next(fit for fit in fits if fit.slug != outcome)
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
        "leaning_scale": f"-100 = {report.role_slugs[0]}, +100 = {report.role_slugs[1]}",
        "careless": report.careless,
        "fits_me": result.fits_me,
    }


# --- Next steps, from the live content ------------------------------------------------


@dataclass(frozen=True)
class NextSteps:
    role: Role
    skills: tuple[RoleSkill, ...]
    tools: tuple[Tool, ...]


def next_steps(*, role_slugs) -> list[NextSteps]:
    """For each role (in the given order), its most central skills and some tools to try.

    Three queries whatever the content size. Roles that no longer exist are skipped.
    """
    roles = Role.objects.filter(slug__in=role_slugs).prefetch_related(
        Prefetch(
            "skills",
            queryset=RoleSkill.objects.select_related("area").order_by("-level", "area__order"),
        ),
        Prefetch("tools", queryset=Tool.objects.order_by("order", "name")),
    )
    by_slug = {role.slug: role for role in roles}
    return [
        NextSteps(
            role=by_slug[slug],
            skills=tuple(by_slug[slug].skills.all()[:NEXT_STEP_SKILLS]),
            tools=tuple(by_slug[slug].tools.all()[:NEXT_STEP_TOOLS]),
        )
        for slug in role_slugs
        if slug in by_slug
    ]


# --- The methodology page, from the live questionnaire --------------------------------


@dataclass(frozen=True)
class MethodologyFactor:
    name: str
    description: str
    poles: tuple[tuple[str, str], ...]  # (role name, pole)
    questions: tuple[Question, ...]
    weight_by_role: tuple[tuple[str, int], ...]


def methodology_factors(questions: list[Question]) -> list[MethodologyFactor]:
    """The live questionnaire grouped by factor, with the total weight per role."""
    factors: dict[int, list[Question]] = {}
    for question in questions:
        factors.setdefault(question.factor_id, []).append(question)
    result = []
    for group in factors.values():
        factor = group[0].factor
        roles = (factor.pair_programmer_role, factor.architect_role)
        result.append(
            MethodologyFactor(
                name=factor.name,
                description=factor.description,
                poles=(
                    (roles[0].name, factor.pair_programmer_pole),
                    (roles[1].name, factor.architect_pole),
                ),
                questions=tuple(group),
                weight_by_role=tuple(
                    (role.name, sum(q.weight for q in group if q.leans_toward_id == role.id))
                    for role in roles
                ),
            )
        )
    return result
