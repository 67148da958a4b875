"""A result's report: written once, when the result is made, and read back for its page and
JSON.

`report_document_build` turns the scores and the questionnaire snapshot into plain data
(headline, sentences, fits, leanings, reasons, the advice along the article's career
paths), stored with the result. `result_report` reads any stored document back as the
page's view-model, so every result, of every scoring version, is shown by one template from
its own stored words: a new scoring version changes what is written, not how a result is
read. Results made before documents existed got theirs once, from a frozen copy of the
code that showed them (migration 0007).

Only the next steps (skills, tools and salaries of the recommended roles) come from the
live content, named by `next_step_roles` (see `views.next_steps_html`).
"""

from dataclasses import dataclass

from careers.assessment.models import AssessmentResult
from careers.assessment.scoring import (
    CHECKS,
    HYBRID,
    NO_PREFERENCE,
    SCALE_LABELS,
    RolePair,
)
from careers.experience import EXPERIENCE_CHOICES

# --- Reading a stored document: the page's view-model -----------------------------------


@dataclass(frozen=True)
class RoleFit:
    """A role's fit: one percentage (versions 1 and 2) or a range, `low`..`high` (3)."""

    slug: str
    name: str
    percent: int | None
    recommended: bool
    low: int | None = None
    high: int | None = None

    @property
    def bar_x(self) -> int:
        return 0 if self.low is None else self.low

    @property
    def bar_width(self) -> int:
        return self.percent if self.low is None else self.high - self.low

    @property
    def figure(self) -> str:
        return f"{self.percent}%" if self.low is None else f"{self.low}%–{self.high}%"


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
    text: str = ""  # version 3: the leaning in words (no finer figure than it carries)

    @property
    def sentence(self) -> str:
        if self.text:
            return self.text
        if self.toward:
            return f"Leans toward the {self.toward} ({self.magnitude} out of 100)."
        return "Balanced between the two roles."

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
    text: str = ""  # version 3: which side the factor leans to, in words

    @property
    def sentence(self) -> str:
        return self.text or f"the {self.other_role_name} side looks like this: “{self.other_pole}”"


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
    fit_note: str
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
    reading_note: str = ""
    next_actions: tuple[tuple[str, str], ...] = ()  # (what to do, article section)


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
        fit_note=document.get("fit_note") or old_fit_note(document["hybrid_margin"]),
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
        reading_note=document.get("reading_note", ""),
        next_actions=tuple(map(tuple, document.get("next_actions", ()))),
    )


def old_fit_note(margin: int) -> str:
    """What results of versions 1 and 2 said under their fits."""
    return (
        f"The two fits always add up to 100%. When they are {margin} points apart or "
        'closer, the result is "hybrid".'
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


# --- Writing a new result's document ---------------------------------------------------

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


# --- Advice along the article's career paths, for the person's experience and result ----
#
# The experience question is optional and never changes the fit; it only
# picks which of these paragraphs the result shows. Prose paraphrases the article
# ("Career Paths and Salary Prospects for Each Role", "Decision Factors", "Conclusion").

EARLY = frozenset({"student", "junior"})
SENIOR = frozenset({"senior", "lead"})
CARRER_PATH_SECTION = "Career Paths and Salary Prospects for Each Role"
FACTORS_SECTION = "Choosing Between AI Pair Programmer and AI Architect: Decision Factors"
EARNINGS_SECTION = "AI Engineer vs AI Architect: Who Earns More?"
FAQ_SECTION = "FAQ: AI Pair Programmer vs AI Architect"

# Learning motivation is advice, not a score: the article gives it no side (version 3).
BUILD_BOTH = (
    "Your wish to keep learning is not part of your fit: the article says fast tech churn "
    "rewards both roles and names no side. What it singles out is crossing over: pair "
    "programmers who branch into architecture, and architects who still code, are the ones "
    "it calls especially future-proof."
)
BUILD_BOTH_SECTION = FACTORS_SECTION
SALARY_CAVEAT = (
    "The pay ranges are the article's for skilled AI engineers or pair programmers and for "
    "architects in major U.S. markets. The figures shift "
    "rapidly and can overlap, especially for hybrid or specialised roles. And how well the "
    "work suits you shapes a career as much as the pay does."
)
SALARY_CAVEAT_SECTION = FAQ_SECTION


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
                    "The best architects, the article says, are often people who spent time "
                    "on the ground first, working with code and code-generation tools.",
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
                    "Architects are frequently senior engineers or tech leads with a strong "
                    "reputation in both classic software architecture and AI/ML. "
                    "Take on design reviews, trade-off discussions and mentoring while you "
                    "keep shipping code.",
                ),
                CARRER_PATH_SECTION,
            )
        return Advice(
            "Architecture at your level",
            (
                "Architects are frequently senior engineers or tech leads. "
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
                    "add that breadth.",
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
                "Those with a foot in both worlds, such as engineering architects able to "
                "review AI code at scale, are increasingly sought after, the article notes, "
                "though market rates fluctuate quickly. Keep both sides active in your work "
                "rather than choosing early.",
            ),
            EARNINGS_SECTION,
        )
    return None


def cited_advice_texts() -> list[tuple[str, str, str]]:
    """Every paragraph the advice can show, as (where, text, the section it cites)."""
    texts = [
        ("BUILD_BOTH", BUILD_BOTH, BUILD_BOTH_SECTION),
        ("SALARY_CAVEAT", SALARY_CAVEAT, SALARY_CAVEAT_SECTION),
    ]
    roles = RolePair(pair_programmer="pair-programmer", architect="architect")
    seen = set()
    for experience, _ in EXPERIENCE_CHOICES:
        for outcome in (*roles, HYBRID):
            for strength in ("moderate", "clear", None):
                advice = career_advice(
                    experience=experience, outcome=outcome, strength=strength, roles=roles
                )
                if advice is None or advice.title in seen:
                    continue
                seen.add(advice.title)
                texts += [
                    (advice.title, paragraph, advice.article_section)
                    for paragraph in advice.paragraphs
                ]
    return texts
