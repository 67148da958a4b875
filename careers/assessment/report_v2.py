"""What a version-2 result adds to the report: strength, answer-style checks, experience
advice and the person's own next steps. Built from the stored result only (its scores
and snapshot), so it reads the same forever; the live-content part of the next steps
(skills, salaries) is rendered separately per outcome (see `views.next_steps_html`).
"""

from dataclasses import dataclass

from careers.assessment.advice import (
    BUILD_BOTH,
    SALARY_CAVEAT,
    Advice,
    career_advice,
    experience_label,
)
from careers.assessment.answer_style import CHECKS
from careers.assessment.report import HYBRID, FactorLeaning, ResultReport

WEAKEST_FACTORS_SHOWN = 2

CHECK_MESSAGES = {
    "straight_lining": (
        "Nearly the same answer everywhere",
        "Almost all your answers are the same point of the scale, although every factor "
        "has statements pointing both ways.",
    ),
    "acquiescence": (
        "Agreeing with both sides",
        "On average you agreed with the statements for both roles, so the difference "
        "between them is small and may reflect a habit of agreeing more than a preference.",
    ),
    "contradiction": (
        "Strong agreement both ways",
        "In several factors you strongly agreed with statements that point to opposite roles.",
    ),
    "too_fast": (
        "Answered very quickly",
        "The form was sent back faster than the statements can comfortably be read.",
    ),
}


@dataclass(frozen=True)
class FlagMessage:
    name: str
    title: str
    text: str


@dataclass(frozen=True)
class FactorStep:
    """For a factor that fits the recommendation least: what the other role involves."""

    factor_name: str
    other_role_name: str
    other_pole: str
    leaning: int


@dataclass(frozen=True)
class PersonalReport:
    base: ResultReport
    headline: str
    strength: str | None
    flags: tuple[FlagMessage, ...]
    answer_style: dict
    seconds_taken: int | None
    experience: str
    experience_label: str
    advice: Advice | None
    factor_steps: tuple[FactorStep, ...]
    build_both: str = BUILD_BOTH
    salary_caveat: str = SALARY_CAVEAT


def personal_report(*, report: ResultReport) -> PersonalReport:
    scores, result = report.result.scores, report.result
    strength = scores.get("strength")
    answer_style = {name: bool(scores.get("answer_style", {}).get(name)) for name in CHECKS}
    return PersonalReport(
        base=report,
        headline=headline(report, strength),
        strength=strength,
        flags=tuple(
            FlagMessage(name, *CHECK_MESSAGES[name]) for name in CHECKS if answer_style[name]
        ),
        answer_style=answer_style,
        seconds_taken=scores.get("seconds_taken"),
        experience=result.experience,
        experience_label=experience_label(result.experience),
        advice=career_advice(
            experience=result.experience,
            outcome=report.outcome,
            strength=strength,
            roles=report.roles,
        ),
        factor_steps=weakest_factor_steps(report),
    )


def headline(report: ResultReport, strength: str | None) -> str:
    if report.outcome == HYBRID:
        return "You fit both roles"
    name = report.outcome_label
    return {
        "slight": f"You lean slightly toward the {name}",
        "moderate": f"You lean toward the {name}",
        "clear": f"You clearly fit the {name} role",
    }.get(strength, f"You fit the {name} role")


def toward_recommendation(report: ResultReport, factor: FactorLeaning) -> int:
    """How far a factor leans toward the recommended role (negative: away from it)."""
    return -factor.leaning if report.outcome == report.roles.pair_programmer else factor.leaning


def weakest_factor_steps(report: ResultReport) -> tuple[FactorStep, ...]:
    """The factors that fit the recommendation least, with what the other role involves.

    For a hybrid result, the factors with the strongest leaning either way, with what the
    role they lean away from involves.
    """
    steps = []
    if report.outcome == HYBRID:
        ranked = sorted(report.factors, key=lambda f: -f.magnitude)
        for factor in ranked:
            if factor.leaning == 0:
                continue
            toward_architect = factor.leaning > 0
            steps.append(
                FactorStep(
                    factor.name,
                    factor.pair_programmer_name if toward_architect else factor.architect_name,
                    factor.pair_programmer_pole if toward_architect else factor.architect_pole,
                    factor.leaning,
                )
            )
    else:
        other_is_architect = report.outcome == report.roles.pair_programmer
        ranked = sorted(report.factors, key=lambda f: toward_recommendation(report, f))
        for factor in ranked:
            steps.append(
                FactorStep(
                    factor.name,
                    factor.architect_name if other_is_architect else factor.pair_programmer_name,
                    factor.architect_pole if other_is_architect else factor.pair_programmer_pole,
                    factor.leaning,
                )
            )
    return tuple(step for step in steps if step.other_pole)[:WEAKEST_FACTORS_SHOWN]


def personal_json(*, personal: PersonalReport) -> dict:
    """The version-2 fields of the public JSON document."""
    return {
        "strength": personal.strength,
        "headline": personal.headline,
        "answer_style": dict(personal.answer_style),
        "flagged": bool(personal.flags),
        "seconds_taken": personal.seconds_taken,
        "experience": personal.experience or None,
    }
