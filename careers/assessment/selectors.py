"""Reads for the assessment: the live questionnaire, stored results, next steps, and the
methodology page's context.

A stored result is shown from the questionnaire it was scored against (see
`careers.assessment.report`), never from the live questions. Only the next steps
(skills, tools, links) come from the live content.
"""

import functools
from dataclasses import dataclass
from math import sqrt

from django.db.models import F, Prefetch, Q

from careers.assessment import scoring
from careers.assessment.models import AssessmentResult, Question, Questionnaire
from careers.assessment.scoring import (
    ANSWER_ERROR_FLOOR,
    BAND_STEP,
    BAND_Z,
    CLEAR_DISTANCE,
    NEUTRAL,
    SCALE_LABELS,
)
from careers.content.models import Role, RoleSkill, SalaryRange, Tool
from careers.experience import EXPERIENCE_CHOICES
from rolefit.caching import VersionedMemo

NEXT_STEP_TOOLS = 5

# The live questionnaire, kept in each worker until the content changes.
LIVE_QUESTIONS = VersionedMemo(capacity=1)


def assessment_questions() -> list[Question]:
    """The active questions, in form order, each leaning toward one of its factor's roles.

    Only questions whose factor points to the same two roles as the first factor, and
    factors with statements on both sides, are kept, so an inconsistent edit narrows the
    questionnaire instead of breaking it.
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
    pair_programmer, architect = role_pair(rows)
    same_roles = [
        q
        for q in rows
        if (q.factor.pair_programmer_role_id, q.factor.architect_role_id)
        == (pair_programmer.id, architect.id)
    ]
    # Balanced scoring compares a factor's two sides: a factor left with one side (the
    # admin refuses it, but a bulk edit could) is left out rather than breaking scoring.
    sides: dict[int, set[int]] = {}
    for q in same_roles:
        sides.setdefault(q.factor_id, set()).add(q.leans_toward_id)
    return [q for q in same_roles if len(sides[q.factor_id]) == 2]


def role_pair(questions: list[Question]) -> tuple[Role, Role]:
    """The two roles the questionnaire weighs: the first factor's (pair programmer, architect)."""
    factor = questions[0].factor
    return factor.pair_programmer_role, factor.architect_role


def result_get(*, pk) -> AssessmentResult | None:
    """The stored result with this id, or None."""
    try:
        return AssessmentResult.objects.get(pk=pk)
    except AssessmentResult.DoesNotExist:
        return None


@functools.lru_cache(maxsize=32)
def questionnaire_snapshot_get(*, questionnaire_id: int) -> dict:
    """The snapshot of a stored questionnaire: read once per worker, as it never changes."""
    return Questionnaire.objects.values_list("snapshot", flat=True).get(pk=questionnaire_id)


# --- Next steps, from the live content ------------------------------------------------


@dataclass(frozen=True)
class NextSteps:
    role: Role
    tools: tuple[Tool, ...]
    # Each skill area where the two roles differ, as (skill, the other role's word for
    # it), in the article's order; and the role's salary ranges.
    contrasted_skills: tuple[tuple[RoleSkill, str], ...] = ()
    salaries: tuple[SalaryRange, ...] = ()


@dataclass(frozen=True)
class NextStepsBlock:
    """The next steps toward the recommended roles, and the comparison of the two roles."""

    steps: tuple[NextSteps, ...]
    comparison_url: str | None


def next_steps(*, role_slugs, compared: tuple[str, str]) -> NextStepsBlock:
    """For each role of `role_slugs` (in that order), its first skill areas (in the article's
    order) and some tools to try; and the page comparing the two `compared` roles.

    Three queries whatever the content size. Roles that no longer exist are skipped.
    """
    roles = Role.objects.filter(slug__in={*role_slugs, *compared}).prefetch_related(
        Prefetch(
            "skills",
            queryset=RoleSkill.objects.select_related("area").order_by("area__order"),
        ),
        Prefetch("tools", queryset=Tool.objects.order_by("order", "name")),
        Prefetch("salary_ranges", queryset=SalaryRange.objects.order_by("order", "-high")),
    )
    by_slug = {role.slug: role for role in roles}
    steps = tuple(
        NextSteps(
            role=by_slug[slug],
            tools=tuple(by_slug[slug].tools.all()[:NEXT_STEP_TOOLS]),
            contrasted_skills=contrasted_skills(
                by_slug[slug], by_slug.get(other_of(slug, compared))
            ),
            salaries=tuple(by_slug[slug].salary_ranges.all()),
        )
        for slug in role_slugs
        if slug in by_slug
    )
    both = [by_slug[slug] for slug in compared if slug in by_slug]
    comparison_url = both[0].comparison_url(both[1]) if len(both) == 2 else None
    return NextStepsBlock(steps=steps, comparison_url=comparison_url)


def other_of(slug: str, compared: tuple[str, str]) -> str:
    return compared[1] if slug == compared[0] else compared[0]


def contrasted_skills(role: Role, other: Role | None) -> tuple[tuple[RoleSkill, str], ...]:
    """Each of `role`'s skills with the other role's word for the same area (prefetched).

    The article contrasts the two roles' skills in words (Deep / Broad, Practical /
    Strategic…), never ranks them, so neither is shown as "more": the visitor sees how the
    recommended role's version of each skill differs, in the article's order.
    """
    if other is None:
        return ()
    other_words = {skill.area_id: skill.emphasis for skill in other.skills.all()}
    return tuple(
        (skill, other_words[skill.area_id])
        for skill in role.skills.all()
        if other_words.get(skill.area_id, skill.emphasis) != skill.emphasis
    )


# --- The methodology page, from the live questionnaire --------------------------------


@dataclass(frozen=True)
class MethodologyFactor:
    name: str
    description: str
    poles: tuple[tuple[str, str], ...]  # (role name, pole)
    questions: tuple[Question, ...]
    article_section: str
    weight_by_role: tuple[tuple[str, int], ...]


def methodology_factors(questions: list[Question]) -> list[MethodologyFactor]:
    """The live questionnaire grouped by factor, with the total weight per role."""
    factors: dict[int, list[Question]] = {}
    for question in questions:
        factors.setdefault(question.factor_id, []).append(question)
    result = []
    for group in factors.values():
        factor = group[0].factor
        sides = (
            (factor.pair_programmer_role, factor.pair_programmer_pole),
            (factor.architect_role, factor.architect_pole),
        )
        result.append(
            MethodologyFactor(
                name=factor.name,
                description=factor.description,
                poles=tuple((role.name, pole) for role, pole in sides),
                questions=tuple(group),
                article_section=factor.article_section,
                weight_by_role=tuple(
                    (role.name, sum(q.weight for q in group if q.leans_toward_id == role.id))
                    for role, _ in sides
                ),
            )
        )
    return result


def signed(number: int) -> str:
    return f"{number:+d}".replace("-", "\u2212") if number else "0"


def methodology_context(questions) -> dict:
    """The methodology page's context: the live questionnaire and the live constants of
    the scoring, the answer-style checks, the strength bands and the experience advice, so
    the page can never describe a rule the code does not apply."""
    pair_programmer, architect = role_pair(questions) if questions else (None, None)
    return {
        "factors": methodology_factors(questions),
        "pair_programmer": pair_programmer,
        "architect": architect,
        "question_count": len(questions),
        "band_z": BAND_Z,
        "band_step": BAND_STEP,
        "band_min_half": round(
            BAND_Z * 25 * ANSWER_ERROR_FLOOR / sqrt(len(questions)) if questions else 0
        ),
        "example_low": 60,
        "example_high": 80,
        "clear_from": 50 + CLEAR_DISTANCE,
        "scale_rows": [(label, signed(value - NEUTRAL)) for value, label in SCALE_LABELS.items()],
        "straight_lining_percent": int(scoring.STRAIGHT_LINING_SHARE * 100),
        "straight_lining_min": scoring.STRAIGHT_LINING_MIN_ANSWERS,
        "acquiescence_label": SCALE_LABELS[NEUTRAL + scoring.ACQUIESCENCE_MEAN],
        "contradiction_min": scoring.CONTRADICTION_MIN_FACTORS,
        "too_fast_per_statement": float(scoring.TOO_FAST_SECONDS_PER_STATEMENT),
        "too_fast_total": round(scoring.TOO_FAST_SECONDS_PER_STATEMENT * len(questions)),
        "experience_labels": [label for _, label in EXPERIENCE_CHOICES],
    }
