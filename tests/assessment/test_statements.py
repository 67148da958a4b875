"""The seeded statement set (careers/seed/questions.json) as an instrument's items, and
the methodology page that explains it from the live questions."""

import json
import re
from pathlib import Path

import pytest

from careers.article import ARTICLE_SECTIONS
from careers.models import Question
from tests.helpers import ARCHITECT, PAIR

SEED = Path(__file__).resolve().parents[2] / "careers" / "seed" / "questions.json"
ACTIVE = {slug: q for slug, q in json.loads(SEED.read_text())["questions"].items() if q["active"]}
# Words that would make an answer measure someone's view of AI tools, not the factor.
ABOUT_AI_TOOLS = re.compile(r"\b(AI|assistants?|Copilot|LLMs?|models?|prompts?)\b", re.I)
# Ability or comfort rather than preference.
ABILITY = re.compile(r"\b(I can|I am good at|I am comfortable|comfortable)\b", re.I)


def test_every_scored_factor_has_at_least_3_statements_per_side_and_24_in_all():
    per_side: dict[tuple[str, str], int] = {}
    for question in ACTIVE.values():
        key = (question["factor"], question["leans_toward"])
        per_side[key] = per_side.get(key, 0) + 1
    assert len(per_side) == 8 and min(per_side.values()) >= 3
    assert len(ACTIVE) == 24


def test_learning_motivation_is_not_scored_the_article_gives_it_no_side():
    assert not any(q["factor"] == "learning-motivation" for q in ACTIVE.values())


# Wording that rates performance or ability, or casts one side as waste (issue 21).
SLANTED = re.compile(
    r"\b(best work|good at|better|waste|may never|outstanding|I can)\b|virtu", re.I
)


@pytest.mark.parametrize("slug", sorted(ACTIVE))
def test_each_statement_is_a_work_activity_someone_would_enjoy_neither_side_slanted(slug):
    statement = ACTIVE[slug]["statement"]
    assert statement.startswith("I would enjoy "), statement  # the same frame on both sides
    assert not SLANTED.search(statement), statement


@pytest.mark.parametrize(
    "retired",
    [
        "learning-master-the-craft",
        "collab-solitary-sprints",
        "risk-solve-now-not-later",
        "pace-visible-progress-daily",
        "risk-weigh-technical-debt",
        "collab-async-over-meetings",
        "learning-try-it-today",
    ],
)
def test_the_slanted_statements_the_issue_names_are_retired(retired):
    assert retired not in ACTIVE


@pytest.mark.parametrize("slug", sorted(ACTIVE))
def test_each_statement_is_short_first_person_and_rests_on_a_section(slug):
    question = ACTIVE[slug]
    statement = question["statement"]
    assert len(statement.split()) <= 20, statement
    assert question["article_section"] in ARTICLE_SECTIONS
    assert not ABOUT_AI_TOOLS.search(statement), statement
    assert not ABILITY.search(statement), statement
    assert statement.count(" and ") <= 1, f"two ideas? {statement}"


def test_every_factor_has_statements_on_both_sides():
    sides: dict[str, set[str]] = {}
    for question in ACTIVE.values():
        sides.setdefault(question["factor"], set()).add(question["leans_toward"])
    assert len(sides) == 4
    assert all(found == {PAIR, ARCHITECT} for found in sides.values()), sides


def test_the_methodology_page_explains_the_instrument_from_live_values(client, seeded):
    html = client.get("/assessment/methodology/").content.decode().replace("&#x27;", "'")
    for question in Question.objects.active():
        assert question.statement in html
        assert question.article_section in html
    assert "Balanced by construction" in html
    assert "the same answer</strong>" in html or "same answer" in html
    assert "<code>" not in html and "straight_lining" not in html  # people's words only
    assert html.count("need not match") == 1  # said once, not under every factor
    assert '<nav aria-label="Breadcrumb">' in html
    plain, detail = html.split('id="detail-title"')
    assert "not a validated test" in plain and '<details class="detail-fold">' in detail
    # The thresholds docs/assessment-method.md gives.
    assert "At least 90% of the answers" in html
    assert '"Agree" or stronger' in html
    assert "In 2 or more factors" in html
    statements = Question.objects.active().count()
    seconds = round(1.5 * statements)
    assert f"({seconds} seconds for the {statements} statements)" in html
    for band in [
        "<td>Moderate</td><td>wholly above 50%</td>",
        "<td>Clear</td><td>wholly at 65% or above</td>",
    ]:
        assert band in html
    # The band and "no clear preference" in plain words, before the folded detail.
    assert 'id="certainty">How sure a result is' in plain
    assert "close call" in plain and "No clear preference yet" in plain
    assert "about 10 points either side" in plain  # 1.96 x 25 / sqrt(24), one step of error
    assert "learning motivation" in html.lower() and "not scored" in html
    assert "plateau near mid-senior level" in html and "zigzag" in html
