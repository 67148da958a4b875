"""The report document of a new result: `report_document_build` turns the scores and the
questionnaire snapshot into plain data (headline, sentences, fits, leanings, reasons,
advice), stored with the result and read back by `careers.assessment.report`. A new
scoring version changes what this writes, not how a result is read.
"""

from careers.assessment.advice import BUILD_BOTH, SALARY_CAVEAT, career_advice, experience_label
from careers.assessment.scoring import (
    CHECKS,
    HYBRID,
    NO_PREFERENCE,
    SCALE_LABELS,
    RolePair,
)

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
    "no_difference": (
        "No side stands out",
        "In no factor did your answers to one role's statements differ from your answers "
        "to the other's by a whole step of the scale.",
    ),
    "too_fast": (
        "Answered very quickly",
        "The form was sent back faster than the statements can comfortably be read.",
    ),
}
HEADLINES = {
    "moderate": "Your answers lean toward the {name}",
    "clear": "Your answers point clearly to the {name}",
}
CLOSE_CALL_LABEL = "A close call: both roles"
NO_PREFERENCE_LABEL = "No clear preference yet"
READING_NOTE = "RoleFit's own reading, not a validated test"
# A factor's leaning (-100..100) is 25 x the gap between its sides' mean answers: a gap of
# one scale step or more is a lean, of two or more a clear one.
FACTOR_LEAN = 25
FACTOR_CLEAR_LEAN = 50
FIT_NOTE = (
    "Each range is where your fit most likely lies, given how few statements stand behind "
    "it and how consistently you answered them; the two mirror each other. A role is named "
    "only when its whole range lies above the middle."
)
NEXT_ACTIONS = (
    (
        "Read what each role does day to day: the pair programmer writes, checks and "
        "refactors code with an assistant; the architect sets strategy, defines frameworks "
        "and looks after system-wide design.",
        "Understanding the Roles: AI Pair Programmer vs AI Architect",
    ),
    (
        "Try a little of each at work: review and refactor a few suggested changes, then "
        "sketch how a system you know fits together and what could fail as it grows.",
        "Choosing Between AI Pair Programmer and AI Architect: Decision Factors",
    ),
    (
        "Then take the assessment again, answering each statement with what you would "
        "enjoy rather than what sounds right.",
        "Conclusion: Determining Your Best Fit in AI Roles",
    ),
)


def report_document_build(*, scores: dict, snapshot: dict, experience: str) -> dict:
    """The report document of a result scored now (version 3), from its scores and questionnaire.

    Plain data only (JSON-ready), so the result reads the same whatever later changes in
    the code, the advice or the live questions. Besides what every version stores, a
    version-3 document has `fit_note`, `reading_note` and `next_actions`; its fits carry
    `low`..`high` instead of a `percent`, and its factors and steps their sentences.
    """
    role_names = {role["slug"]: role["name"] for role in snapshot["roles"]}
    roles = RolePair(*scores["roles"])
    outcome, strength = scores["outcome"], scores.get("strength")
    fits = [
        {
            "slug": slug,
            "name": role_names.get(slug, slug),
            "percent": None,
            "recommended": slug == outcome,
            "low": scores["fit_band"][slug][0],
            "high": scores["fit_band"][slug][1],
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
    title = headline(outcome, label, strength)
    no_preference = outcome == NO_PREFERENCE
    return {
        "headline": title,
        "reading_note": READING_NOTE,
        "outcome": outcome,
        "outcome_label": label,
        "outcome_sentence": outcome_sentence(outcome, fits),
        "strength": strength,
        "flags": flags,
        "fits": fits,
        "fit_note": FIT_NOTE,
        "factors": factors,
        "counted_answers": [] if no_preference else counted_answers(scores, snapshot, role_names),
        "change_options": [],
        "advice": advice_data(advice),
        "experience_label": experience_label(experience),
        "factor_steps_heading": (
            "Where you lean, factor by factor"
            if outcome == HYBRID
            else f"Where your answers fit the {label} least"
        ),
        "factor_steps": [] if no_preference else factor_steps(factors, outcome, roles),
        "next_actions": [list(action) for action in NEXT_ACTIONS] if no_preference else [],
        "build_both": BUILD_BOTH,
        "salary_caveat": "" if no_preference else SALARY_CAVEAT,  # no pay is shown
        "next_step_roles": [] if no_preference else list(roles) if outcome == HYBRID else [outcome],
        "compared_roles": list(roles),
        "public_data": {
            "outcome": outcome,
            "outcome_label": label,
            "fit_band": {fit["slug"]: [fit["low"], fit["high"]] for fit in fits},
            "leaning": {factor["slug"]: factor["leaning"] for factor in factors},
            "leaning_scale": f"-100 = {roles.pair_programmer}, +100 = {roles.architect}",
            "careless": scores["careless"],
            "strength": strength,
            "headline": title,
            "answer_style": {
                name: bool(scores.get("answer_style", {}).get(name)) for name in CHECKS
            },
            "flagged": bool(flags),
            "seconds_taken": scores.get("seconds_taken"),
            "experience": experience or None,
        },
    }


def outcome_label(outcome: str, role_names: dict[str, str]) -> str:
    """'A close call: both roles', 'No clear preference yet' or the role's name."""
    if outcome == HYBRID:
        return CLOSE_CALL_LABEL
    if outcome == NO_PREFERENCE:
        return NO_PREFERENCE_LABEL
    return role_names.get(outcome, outcome)


def headline(outcome: str, label: str, strength: str | None) -> str:
    if outcome == HYBRID:
        return "A close call between the two roles"
    if outcome == NO_PREFERENCE:
        return NO_PREFERENCE_LABEL
    return HEADLINES.get(strength, "Your answers lean toward the {name}").format(name=label)


def outcome_sentence(outcome: str, fits: list[dict]) -> str:
    """The result in one sentence, in ranges: never a single percentage."""
    pair_programmer, architect = fits
    ranges = (
        f"the {pair_programmer['name']} at {pair_programmer['low']}%–{pair_programmer['high']}% "
        f"and the {architect['name']} at {architect['low']}%–{architect['high']}%"
    )
    if outcome == NO_PREFERENCE:
        return (
            "Your answers carry too little information to point to either role, so RoleFit "
            "names none: see below why, and what to do next."
        )
    if outcome == HYBRID:
        return (
            f"Your answers put {ranges}: the ranges overlap the middle, so neither role wins "
            "and both are worth building toward, as the article advises."
        )
    best = next(fit for fit in fits if fit["recommended"])
    return f"Your answers put {ranges}: the {best['name']}'s whole range lies above the middle."


def factor_text(leaning: int, pair_programmer_name: str, architect_name: str) -> str:
    """A factor's leaning in words: the instrument carries no finer figure per factor."""
    toward = architect_name if leaning > 0 else pair_programmer_name
    if abs(leaning) >= FACTOR_CLEAR_LEAN:
        return f"Leans clearly toward the {toward}."
    if abs(leaning) >= FACTOR_LEAN:
        return f"Leans toward the {toward}."
    return "No clear lean either way."


def factor_leanings(scores, snapshot, role_names, roles: RolePair) -> list[dict]:
    pair_programmer_name = role_names.get(roles.pair_programmer, roles.pair_programmer)
    architect_name = role_names.get(roles.architect, roles.architect)
    return [
        {
            "slug": factor["slug"],
            "name": factor["name"],
            "leaning": scores["leaning"][factor["slug"]],
            "pair_programmer_pole": factor["poles"].get(roles.pair_programmer, ""),
            "architect_pole": factor["poles"].get(roles.architect, ""),
            "pair_programmer_name": pair_programmer_name,
            "architect_name": architect_name,
            "text": factor_text(
                scores["leaning"][factor["slug"]], pair_programmer_name, architect_name
            ),
        }
        for factor in snapshot["factors"]
        if factor["slug"] in scores["leaning"]
    ]


def counted_answers(scores, snapshot, role_names) -> list[dict]:
    statements = {q["slug"]: q["statement"] for q in snapshot["questions"]}
    factor_names = {f["slug"]: f["name"] for f in snapshot["factors"]}
    return [
        {
            "statement": statements[contribution["question_slug"]],
            "answer_label": SCALE_LABELS[contribution["answer"]],
            "effect": "which pointed toward the "
            + role_names.get(contribution["toward"], contribution["toward"]),
            "detail": factor_names.get(contribution["factor_slug"], "").lower(),
        }
        for contribution in scores["top_contributions"]
    ]


def advice_data(advice) -> dict | None:
    if advice is None:
        return None
    return {
        "title": advice.title,
        "paragraphs": list(advice.paragraphs),
        "article_section": advice.article_section,
    }


def factor_steps(factors: list[dict], outcome: str, roles: RolePair) -> list[dict]:
    """For a role: the factors that fit it least, with what the other role's side involves.

    For a close call: every factor that leans, most first, each with the side it *does*
    lean to: together they show why neither role wins.
    """
    if outcome == HYBRID:
        ranked = sorted(
            (f for f in factors if abs(f["leaning"]) >= FACTOR_LEAN),
            key=lambda f: -abs(f["leaning"]),
        )
        return [
            step_toward(factor, "architect" if factor["leaning"] > 0 else "pair_programmer")
            for factor in ranked
            if factor["pair_programmer_pole"] and factor["architect_pole"]
        ]
    toward_architect = outcome == roles.architect
    ranked = sorted(factors, key=lambda f: f["leaning"] if toward_architect else -f["leaning"])
    other = "pair_programmer" if toward_architect else "architect"
    return [
        {
            "factor_name": factor["name"],
            "other_role_name": factor[f"{other}_name"],
            "other_pole": factor[f"{other}_pole"],
            "text": f"the {factor[f'{other}_name']} side looks like this: "
            f"“{factor[f'{other}_pole']}”",
        }
        for factor in ranked
        if factor[f"{other}_pole"]
    ][:WEAKEST_FACTORS_SHOWN]


def step_toward(factor: dict, side: str) -> dict:
    """A close call's step: the factor, the side it leans to, and what that side involves."""
    name, pole = factor[f"{side}_name"], factor[f"{side}_pole"]
    return {
        "factor_name": factor["name"],
        "other_role_name": name,
        "other_pole": pole,
        "text": f"your answers lean to the {name} side: “{pole}”",
    }
