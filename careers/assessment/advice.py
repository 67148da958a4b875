"""Advice along the article's career paths, for the person's experience and result.

Plain Python. The experience question is optional and never changes the fit; it only
picks which of these paragraphs the result shows. Prose paraphrases the article
("Career Paths and Salary Prospects for Each Role", "Decision Factors", "Conclusion").
"""

from dataclasses import dataclass

from careers.assessment.scoring import (
    HYBRID,
    RolePair,
)
from careers.experience import EXPERIENCE_CHOICES

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
