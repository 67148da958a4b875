"""A result's report: what its page and JSON show, written once when the result is made.

`report_document_build` turns the scores and the questionnaire snapshot into a document of
plain data (headline, sentences, fits, leanings, reasons, advice), stored with the
result. `result_report` reads any stored document back as the page's view-model, so
every result, of every scoring version, is shown by one template from its own stored
words: a new scoring version changes what the builder writes, not how a result is read.
Results made before the documents existed got theirs once, from a frozen copy of the
code that showed them (migration 0007).

Only the next steps (skills, tools and salaries of the recommended roles) come from the
live content, named by `next_step_roles` (see `views.next_steps_html`).
"""

from dataclasses import dataclass

from careers.assessment.advice import BUILD_BOTH, SALARY_CAVEAT, career_advice, experience_label
from careers.assessment.answer_style import CHECKS
from careers.assessment.models import AssessmentResult
from careers.assessment.scoring import HYBRID, SCALE_LABELS, RolePair

# How many factors "where your answers fit the recommendation least" names.
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
HEADLINES = {
    "slight": "You lean slightly toward the {name}",
    "moderate": "You lean toward the {name}",
    "clear": "You clearly fit the {name} role",
}


# --- Reading a stored document: the page's view-model -----------------------------------


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
class CountedAnswer:
    """One of the answers that counted most; `effect` and `detail` are its own words."""

    statement: str
    answer_label: str
    effect: str
    detail: str


@dataclass(frozen=True)
class ChangeOption:
    outcome_label: str
    changes: tuple[tuple[str, str, str], ...]  # statement, from label, to label


@dataclass(frozen=True)
class FlagMessage:
    name: str
    title: str
    text: str


@dataclass(frozen=True)
class FactorStep:
    """A factor that fits the recommendation least, and what the other side involves."""

    factor_name: str
    other_role_name: str
    other_pole: str


@dataclass(frozen=True)
class Advice:
    title: str
    paragraphs: tuple[str, ...]
    article_section: str


@dataclass(frozen=True)
class ResultReport:
    headline: str
    outcome: str
    outcome_label: str
    outcome_sentence: str
    strength: str | None
    flags: tuple[FlagMessage, ...]
    fits: tuple[RoleFit, ...]  # pair programmer first, then architect
    hybrid_margin: int
    factors: tuple[FactorLeaning, ...]
    counted_answers: tuple[CountedAnswer, ...]
    change_options: tuple[ChangeOption, ...]
    advice: Advice | None
    experience_label: str
    factor_steps_heading: str
    factor_steps: tuple[FactorStep, ...]
    build_both: str
    salary_caveat: str
    next_step_roles: tuple[str, ...]  # the recommended roles, for the live next steps
    compared_roles: tuple[str, str]
    public_data: dict  # the JSON document's fields that come from the scoring


def result_report(*, result: AssessmentResult) -> ResultReport:
    """The view-model of a stored result, read from its stored report document."""
    document = result.report
    advice = document["advice"]
    return ResultReport(
        headline=document["headline"],
        outcome=document["outcome"],
        outcome_label=document["outcome_label"],
        outcome_sentence=document["outcome_sentence"],
        strength=document["strength"],
        flags=tuple(FlagMessage(**flag) for flag in document["flags"]),
        fits=tuple(RoleFit(**fit) for fit in document["fits"]),
        hybrid_margin=document["hybrid_margin"],
        factors=tuple(FactorLeaning(**factor) for factor in document["factors"]),
        counted_answers=tuple(CountedAnswer(**answer) for answer in document["counted_answers"]),
        change_options=tuple(
            ChangeOption(option["outcome_label"], tuple(map(tuple, option["changes"])))
            for option in document["change_options"]
        ),
        advice=Advice(advice["title"], tuple(advice["paragraphs"]), advice["article_section"])
        if advice
        else None,
        experience_label=document["experience_label"],
        factor_steps_heading=document["factor_steps_heading"],
        factor_steps=tuple(FactorStep(**step) for step in document["factor_steps"]),
        build_both=document["build_both"],
        salary_caveat=document["salary_caveat"],
        next_step_roles=tuple(document["next_step_roles"]),
        compared_roles=tuple(document["compared_roles"]),
        public_data=document["public_data"],
    )


def result_as_json(*, result: AssessmentResult, report: ResultReport, url: str) -> dict:
    """The result as the public JSON document."""
    return {
        "id": str(result.pk),
        "url": url,
        "created_at": result.created_at.isoformat(),
        **report.public_data,
        "fits_me": result.fits_me,
        "scoring_version": result.scoring_version,
    }


# --- Writing the document of a new result (the current scoring version) ------------------


def report_document_build(*, scores: dict, snapshot: dict, experience: str) -> dict:
    """The report document of a result scored now, from its scores and questionnaire.

    Plain data only (JSON-ready), so the result reads the same whatever later changes in
    the code, the advice or the live questions.
    """
    role_names = {role["slug"]: role["name"] for role in snapshot["roles"]}
    roles = RolePair(*scores["roles"])
    outcome, strength = scores["outcome"], scores.get("strength")
    fits = [
        {
            "slug": slug,
            "name": role_names.get(slug, slug),
            "percent": scores["fit_percent"][slug],
            "recommended": slug == outcome,
        }
        for slug in roles
    ]
    factors = factor_leanings(scores, snapshot, role_names, roles)
    flags = [
        {"name": name, "title": title, "text": text}
        for name, (title, text) in CHECK_MESSAGES.items()
        if scores.get("answer_style", {}).get(name)
    ]
    advice = career_advice(experience=experience, outcome=outcome, strength=strength, roles=roles)
    label = outcome_label(outcome, role_names)
    return {
        "headline": headline(outcome, label, strength),
        "outcome": outcome,
        "outcome_label": label,
        "outcome_sentence": outcome_sentence(outcome, fits, scores["hybrid_margin"]),
        "strength": strength,
        "flags": flags,
        "fits": fits,
        "hybrid_margin": scores["hybrid_margin"],
        "factors": factors,
        "counted_answers": counted_answers(scores, snapshot, role_names),
        "change_options": change_options(scores, snapshot, role_names),
        "advice": advice_data(advice),
        "experience_label": experience_label(experience),
        "factor_steps_heading": (
            "Where you lean most"
            if outcome == HYBRID
            else f"Where your answers fit the {label} least"
        ),
        "factor_steps": weakest_factor_steps(factors, outcome, roles),
        "build_both": BUILD_BOTH,
        "salary_caveat": SALARY_CAVEAT,
        "next_step_roles": list(roles) if outcome == HYBRID else [outcome],
        "compared_roles": list(roles),
        "public_data": {
            "outcome": outcome,
            "outcome_label": label,
            "fit_percent": {fit["slug"]: fit["percent"] for fit in fits},
            "leaning": {factor["slug"]: factor["leaning"] for factor in factors},
            "leaning_scale": f"-100 = {roles.pair_programmer}, +100 = {roles.architect}",
            "careless": scores["careless"],
            "strength": strength,
            "headline": headline(outcome, label, strength),
            "answer_style": {
                name: bool(scores.get("answer_style", {}).get(name)) for name in CHECKS
            },
            "flagged": bool(flags),
            "seconds_taken": scores.get("seconds_taken"),
            "experience": experience or None,
        },
    }


def outcome_label(outcome: str, role_names: dict[str, str]) -> str:
    """'Hybrid: build both' or the role's name."""
    if outcome == HYBRID:
        return "Hybrid: build both"
    return role_names.get(outcome, outcome)


def headline(outcome: str, label: str, strength: str | None) -> str:
    if outcome == HYBRID:
        return "You fit both roles"
    return HEADLINES.get(strength, "You fit the {name} role").format(name=label)


def outcome_sentence(outcome: str, fits: list[dict], margin: int) -> str:
    """The result in one sentence."""
    if outcome == HYBRID:
        pair_programmer, architect = fits
        return (
            f"Your answers put the {pair_programmer['name']} at {pair_programmer['percent']}% "
            f"and the {architect['name']} at {architect['percent']}%: within {margin} points, "
            "so build skills in both, as the article advises."
        )
    best = next(fit for fit in fits if fit["recommended"])
    other = next(fit for fit in fits if not fit["recommended"])
    return (
        f"Your answers put the {best['name']} at {best['percent']}% and the {other['name']} "
        f"at {other['percent']}%: {best['percent'] - other['percent']} points apart."
    )


def factor_leanings(scores, snapshot, role_names, roles: RolePair) -> list[dict]:
    return [
        {
            "slug": factor["slug"],
            "name": factor["name"],
            "leaning": scores["leaning"][factor["slug"]],
            "pair_programmer_pole": factor["poles"].get(roles.pair_programmer, ""),
            "architect_pole": factor["poles"].get(roles.architect, ""),
            "pair_programmer_name": role_names.get(roles.pair_programmer, roles.pair_programmer),
            "architect_name": role_names.get(roles.architect, roles.architect),
        }
        for factor in snapshot["factors"]
        if factor["slug"] in scores["leaning"]
    ]


def counted_answers(scores, snapshot, role_names) -> list[dict]:
    statements = {q["slug"]: q["statement"] for q in snapshot["questions"]}
    factor_names = {f["slug"]: f["name"] for f in snapshot["factors"]}
    answers = []
    for contribution in scores["top_contributions"]:
        points = contribution["fit_points"]
        toward = role_names.get(contribution["toward"], contribution["toward"])
        points_text = f"{points:g} point{'' if points == 1 else 's'}"
        answers.append(
            {
                "statement": statements[contribution["question_slug"]],
                "answer_label": SCALE_LABELS[contribution["answer"]],
                "effect": f"which moved your fit {points_text} toward the {toward}",
                "detail": factor_names.get(contribution["factor_slug"], "").lower(),
            }
        )
    return answers


def change_options(scores, snapshot, role_names) -> list[dict]:
    statements = {q["slug"]: q["statement"] for q in snapshot["questions"]}
    return [
        {
            "outcome_label": outcome_label(alternative["outcome"], role_names),
            "changes": [
                [
                    statements[change["question_slug"]],
                    SCALE_LABELS[change["from_answer"]],
                    SCALE_LABELS[change["to_answer"]],
                ]
                for change in alternative["changes"]
            ],
        }
        for alternative in scores["what_would_change"]
    ]


def advice_data(advice) -> dict | None:
    if advice is None:
        return None
    return {
        "title": advice.title,
        "paragraphs": list(advice.paragraphs),
        "article_section": advice.article_section,
    }


def weakest_factor_steps(factors: list[dict], outcome: str, roles: RolePair) -> list[dict]:
    """The factors that fit the recommendation least, with what the other role involves.

    For a hybrid result, the factors with the strongest leaning either way, with what the
    role they lean away from involves.
    """
    if outcome == HYBRID:
        ranked = sorted((f for f in factors if f["leaning"]), key=lambda f: -abs(f["leaning"]))
    else:
        toward_architect = outcome == roles.architect
        ranked = sorted(factors, key=lambda f: f["leaning"] if toward_architect else -f["leaning"])
    steps = []
    for factor in ranked:
        other_is_pair_programmer = (
            factor["leaning"] > 0 if outcome == HYBRID else outcome == roles.architect
        )
        side = "pair_programmer" if other_is_pair_programmer else "architect"
        if factor[f"{side}_pole"]:
            steps.append(
                {
                    "factor_name": factor["name"],
                    "other_role_name": factor[f"{side}_name"],
                    "other_pole": factor[f"{side}_pole"],
                }
            )
    return steps[:WEAKEST_FACTORS_SHOWN]
