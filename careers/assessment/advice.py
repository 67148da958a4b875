"""Advice along the article's career paths, for the person's experience and result.

Plain Python. The experience question is optional and never changes the fit; it only
picks which of these paragraphs the result shows. Prose paraphrases the article
("Career Paths and Salary Prospects for Each Role", "Decision Factors", "Conclusion").
"""

from dataclasses import dataclass

from careers.assessment.scoring import HYBRID, RolePair
from careers.experience import EXPERIENCE_CHOICES

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
    paragraphs: tuple[str, ...]
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
