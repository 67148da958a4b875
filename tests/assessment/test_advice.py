"""careers/assessment/report.py: the career-path advice for every experience, outcome and
strength, as docs/assessment-method.md ("Experience and advice") and the article's
"Career Paths and Salary Prospects for Each Role" give it."""

import pytest

from careers.assessment.advice import career_advice
from tests.helpers import ARCHITECT, PAIR, ROLES

HYBRID = "hybrid"
WAY_THERE = "The way to the architect role"
MID_TO_ARCHITECT = "From mid-level toward architecture"
ARCHITECT_LEVEL = "Architecture at your level"
PLATEAU = "Mind the plateau"
STARTING = "Starting out as a pair programmer"
GROWING = "Growing as a pair programmer"
BOTH = "A foot in both worlds"

# One row per experience; columns: pair programmer slight, moderate, clear; architect
# slight, moderate, clear; hybrid (which has no strength). Only a senior or a lead with a
# *clear* pair-programmer fit is warned about the plateau.
EXPECTED = {
    "": (None, None, None, None, None, None, None),
    "student": (STARTING, STARTING, STARTING, WAY_THERE, WAY_THERE, WAY_THERE, BOTH),
    "junior": (STARTING, STARTING, STARTING, WAY_THERE, WAY_THERE, WAY_THERE, BOTH),
    "mid": (GROWING, GROWING, GROWING, *[MID_TO_ARCHITECT] * 3, BOTH),
    "senior": (GROWING, GROWING, PLATEAU, *[ARCHITECT_LEVEL] * 3, BOTH),
    "lead": (GROWING, GROWING, PLATEAU, *[ARCHITECT_LEVEL] * 3, BOTH),
}
COLUMNS = [
    (PAIR, "slight"),
    (PAIR, "moderate"),
    (PAIR, "clear"),
    (ARCHITECT, "slight"),
    (ARCHITECT, "moderate"),
    (ARCHITECT, "clear"),
    (HYBRID, None),
]
CASES = [
    (experience, outcome, strength, titles[column])
    for experience, titles in EXPECTED.items()
    for column, (outcome, strength) in enumerate(COLUMNS)
]


@pytest.mark.parametrize(("experience", "outcome", "strength", "title"), CASES)
def test_the_advice_for_each_experience_outcome_and_strength(experience, outcome, strength, title):
    advice = career_advice(experience=experience, outcome=outcome, strength=strength, roles=ROLES)
    assert (advice.title if advice else None) == title


@pytest.mark.parametrize("experience", ["senior", "lead"])
def test_the_plateau_warning_says_where_and_how_to_get_past_it(experience):
    advice = career_advice(experience=experience, outcome=PAIR, strength="clear", roles=ROLES)
    text = " ".join(advice.paragraphs)
    assert "plateau near the mid-senior engineer level" in text  # the article's words
    assert "system-level design and AI infrastructure" in text
    assert advice.article_section == "Career Paths and Salary Prospects for Each Role"


@pytest.mark.parametrize("experience", ["student", "junior"])
def test_early_career_advice_puts_hands_on_years_first(experience):
    architect = career_advice(
        experience=experience, outcome=ARCHITECT, strength="clear", roles=ROLES
    )
    assert "zigzag" in " ".join(architect.paragraphs)
    assert "spend your first years hands-on" in " ".join(architect.paragraphs)
