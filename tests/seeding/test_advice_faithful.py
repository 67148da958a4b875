"""The seed check extended to the assessment's own prose: every advice paragraph and
"what to do next" keeps to the numbers, hedges, sections and caveats of the article
(careers/faithfulness.py, `cited_text_problems`); and the check fails on each
mistake issue 21 found in the advice."""

import pytest

from careers.assessment.advice import cited_advice_texts
from careers.assessment.report_document import NEXT_ACTIONS
from careers.faithfulness import cited_text_problems
from tests.helpers import ARTICLE

CAREER_PATHS = "Career Paths and Salary Prospects for Each Role"
FACTORS = "Choosing Between AI Pair Programmer and AI Architect: Decision Factors"
FAQ = "FAQ: AI Pair Programmer vs AI Architect"


def problems(*texts):
    return cited_text_problems(texts, ARTICLE.read_text(encoding="utf-8"))


def test_every_advice_and_next_step_text_keeps_to_the_article():
    texts = cited_advice_texts() + [("next step", text, section) for text, section in NEXT_ACTIONS]
    assert len(texts) >= 10
    assert problems(*texts) == []


# The advice as it was on main before issue 21, one mistake each.
MISTAKES = {
    "the plateau advice generalises one developer": (
        "Mind the plateau",
        "People get past it by growing broader skills: system-level design and AI "
        "infrastructure. You can keep the hands-on work you enjoy and still add that breadth, "
        "and senior pair programmers who combine classic software skills with AI model "
        "tuning are paid like senior developers.",
        CAREER_PATHS,
        "one developer's story a rule",
    ),
    "usually where the article says frequently": (
        "From mid-level toward architecture",
        "Senior engineers and tech leads are where architects usually come from.",
        CAREER_PATHS,
        "“usually”",
    ),
    "years where the article says often": (
        "The way to the architect role",
        "Architects are frequently senior engineers or tech leads with years of hands-on "
        "work behind them: the strongest ones, the article says, spent time deep in code "
        "and code-generation tools first.",
        FACTORS,
        "“years of”",
    ),
    "the hybrid advice cites Career Paths for a Who Earns More? sentence": (
        "A foot in both worlds",
        "Engineers who can design systems and also review AI-written code at scale are in "
        "growing demand. Keep both sides active in your work rather than choosing early.",
        CAREER_PATHS,
        "cites 'Career Paths",
    ),
    "the salary shown without the can-overlap caveat": (
        "SALARY_CAVEAT",
        "Pay figures date fast: market rates shift quickly, and engineers who straddle both "
        "roles are in growing demand. And, as the article stresses, how well the work suits "
        "you shapes a career as much as the pay does.",
        FAQ,
        "without the article's “can overlap”",
    ),
    "a figure the section does not give": (
        "SALARY_CAVEAT",
        "Architects earn $300,000; figures can overlap.",
        FAQ,
        "300000 does not appear",
    ),
}


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_the_check_fails_on_each_mistake_the_issue_found(mistake):
    where, text, section, expected = MISTAKES[mistake]
    found = problems((where, text, section))
    assert any(expected in problem for problem in found), found


def test_a_section_the_article_lacks_is_refused():
    assert "which the article lacks" in problems(("x", "Build both.", "No Such Section"))[0]
