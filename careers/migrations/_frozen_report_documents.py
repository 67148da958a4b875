"""Frozen copies, for migration 0007, of the code that showed results of scoring
versions 1 and 2, turned into report documents (careers.assessment.report).

Never edit: a migration must do the same on every database whenever it runs, so it
carries what it needs instead of importing live code. Django does not load this module as
a migration (its name starts with an underscore). Version 2's builder and advice are
careers.assessment.report and careers.assessment.advice as of 2026-12; version 1's the
page and JSON that version 1's report and template made.
"""

from collections import namedtuple
from dataclasses import dataclass

HYBRID = "hybrid"
SCALE_LABELS = {
    1: "Strongly disagree",
    2: "Disagree",
    3: "Neither agree nor disagree",
    4: "Agree",
    5: "Strongly agree",
}
CHECKS = ("straight_lining", "acquiescence", "contradiction", "too_fast")
EXPERIENCE_CHOICES = (
    ("student", "Student"),
    ("junior", "Junior developer"),
    ("mid", "Mid-level developer"),
    ("senior", "Senior developer"),
    ("lead", "Tech lead or above"),
)
WEAKEST_FACTORS_SHOWN = 2
RolePair = namedtuple("RolePair", ["pair_programmer", "architect"])


# --- Version 1 ---------------------------------------------------------------------------

V1_CARELESS = {
    "name": "careless",
    "title": "Your answers look careless",
    "text": "Nearly all of them are the same point of the scale, although each factor has "
    "statements pointing both ways.",
}


def report_document_v1(*, scores, snapshot):
    """Version 1's page and JSON: no strength, checks, advice or personal next steps."""
    role_names = {role["slug"]: role["name"] for role in snapshot["roles"]}
    roles = RolePair(*scores["roles"])
    outcome = scores["outcome"]
    label = outcome_label(outcome, role_names)
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
    statements = {q["slug"]: q for q in snapshot["questions"]}
    factor_names = {f["slug"]: f["name"] for f in snapshot["factors"]}
    counted = []
    for c in scores["top_contributions"]:
        question = statements[c["question_slug"]]
        toward = role_names.get(c["toward"], c["toward"])
        counted.append(
            {
                "statement": question["statement"],
                "answer_label": SCALE_LABELS[c["answer"]],
                "effect": f"which pushed toward the {toward} by {c['points']} "
                f"point{'' if c['points'] == 1 else 's'}",
                "detail": f"weight {question['weight']}, "
                f"{factor_names.get(c['factor_slug'], c['factor_slug']).lower()}",
            }
        )
    if outcome == HYBRID:
        headline = "You fit both roles"
        sentence = outcome_sentence(outcome, fits, scores["hybrid_margin"])
    else:
        headline = f"You fit the {label} role"
        best = next(fit for fit in fits if fit["recommended"])
        other = next(fit for fit in fits if not fit["recommended"])
        sentence = (
            f"Your answers put the {best['name']} at {best['percent']}% and the "
            f"{other['name']} at {other['percent']}%: more than {scores['hybrid_margin']} "
            "points apart, so one role stands out."
        )
    return {
        "headline": headline,
        "outcome": outcome,
        "outcome_label": label,
        "outcome_sentence": sentence,
        "strength": None,
        "flags": [V1_CARELESS] if scores["careless"] else [],
        "fits": fits,
        "hybrid_margin": scores["hybrid_margin"],
        "factors": factors,
        "counted_answers": counted,
        "change_options": change_options(scores, snapshot, role_names),
        "advice": None,
        "experience_label": "",
        "factor_steps_heading": "",
        "factor_steps": [],
        "build_both": "",
        "salary_caveat": "",
        "next_step_roles": list(roles) if outcome == HYBRID else [outcome],
        "compared_roles": list(roles),
        "public_data": {
            "outcome": outcome,
            "outcome_label": label,
            "fit_percent": {fit["slug"]: fit["percent"] for fit in fits},
            "leaning": {factor["slug"]: factor["leaning"] for factor in factors},
            "leaning_scale": f"-100 = {roles.pair_programmer}, +100 = {roles.architect}",
            "careless": scores["careless"],
        },
    }


# --- Version 2 ---------------------------------------------------------------------------

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


def report_document_v2(*, scores: dict, snapshot: dict, experience: str) -> dict:
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


# --- Version 2's advice ---------------------------------------------------------------

EARLY = frozenset({"student", "junior"})
SENIOR = frozenset({"senior", "lead"})
CARRER_PATH_SECTION = "Career Paths and Salary Prospects for Each Role"
FACTORS_SECTION = "Choosing Between AI Pair Programmer and AI Architect: Decision Factors"

BUILD_BOTH = (
    "Whatever your result, the article's closing advice holds: build skills in both domains "
    "and stay open, because the field keeps changing. Pair programmers who branch into "
    "architecture, and architects who keep coding, are the ones it calls future-proof."
)
SALARY_CAVEAT = (
    "Pay figures date fast: market rates shift quickly, and engineers who straddle both "
    "roles are in growing demand. And, as the article stresses, how well the work suits "
    "you shapes a career as much as the pay does."
)


@dataclass(frozen=True)
class Advice:
    title: str
    paragraphs: tuple
    article_section: str


def experience_label(experience: str) -> str:
    return dict(EXPERIENCE_CHOICES).get(experience, "")


def career_advice(
    *, experience: str, outcome: str, strength: str | None, roles: RolePair
) -> Advice | None:
    """The career-path advice for this experience and result, or None without experience."""
    if not experience:
        return None
    if outcome == roles.architect:
        if experience in EARLY:
            return Advice(
                "The way to the architect role",
                (
                    "Architects are usually senior engineers or tech leads with years of "
                    "hands-on work behind them: the strongest ones, the article says, spent "
                    "time deep in code and code-generation tools first.",
                    "So spend your first years hands-on: ship features, review and debug "
                    "AI-suggested code, and keep asking where each small function is used "
                    "and why the system is shaped as it is. Careers zigzag; that question "
                    "is how hands-on developers drift toward architecture.",
                ),
                FACTORS_SECTION,
            )
        if experience == "mid":
            return Advice(
                "From mid-level toward architecture",
                (
                    "You are on the usual road: architects tend to be senior engineers or "
                    "tech leads with a reputation in both classic software design and AI/ML. "
                    "Take on design reviews, trade-off discussions and mentoring while you "
                    "keep shipping code.",
                ),
                CARRER_PATH_SECTION,
            )
        return Advice(
            "Architecture at your level",
            (
                "Senior engineers and tech leads are where architects usually come from. "
                "The article values architects who still code, for prototypes at least: "
                "staying hands-on keeps your designs grounded.",
            ),
            CARRER_PATH_SECTION,
        )
    if outcome == roles.pair_programmer:
        if experience in SENIOR and strength == "clear":
            return Advice(
                "Mind the plateau",
                (
                    "The article warns that hands-on AI pair programming can plateau near "
                    "the mid-senior engineer level.",
                    "People get past it by growing broader skills: system-level design and "
                    "AI infrastructure. You can keep the hands-on work you enjoy and still "
                    "add that breadth, and senior pair programmers who combine classic "
                    "software skills with AI model tuning are paid like senior developers.",
                ),
                CARRER_PATH_SECTION,
            )
        if experience in EARLY:
            return Advice(
                "Starting out as a pair programmer",
                (
                    "AI pair programmers often start as full-stack or backend developers and "
                    "specialise step by step: prompting, working with models, and reviewing "
                    "AI-generated code carefully.",
                ),
                CARRER_PATH_SECTION,
            )
        return Advice(
            "Growing as a pair programmer",
            (
                "Deepen your review and debugging craft, and watch for the plateau the "
                "article mentions near mid-senior level: broader system and AI "
                "infrastructure skills keep the path open.",
            ),
            CARRER_PATH_SECTION,
        )
    if outcome == HYBRID:
        return Advice(
            "A foot in both worlds",
            (
                "Engineers who can design systems and also review AI-written code at scale "
                "are in growing demand. "
                + (
                    "Early on, the hands-on side comes first: architects are usually people "
                    "who have been on the ground."
                    if experience in EARLY
                    else "Keep both sides active in your work rather than choosing early."
                ),
            ),
            CARRER_PATH_SECTION,
        )
    return None
