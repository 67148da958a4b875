"""A result's report as its page and JSON show it: `result_report` reads any stored
report document back as the page's view-model, so every result, of every scoring version,
is shown by one template from its own stored words. The document is written once, when
the result is made (`careers.assessment.report_document`); results made before documents
existed got theirs once, from a frozen copy of the code that showed them (migration 0007).

Only the next steps (skills, tools and salaries of the recommended roles) come from the
live content, named by `next_step_roles` (see `views.next_steps_html`).
"""

from dataclasses import dataclass

from careers.assessment.advice import Advice
from careers.assessment.models import AssessmentResult


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
