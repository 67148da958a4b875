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


def test_there_are_15_to_20_statements():
    assert 15 <= len(ACTIVE) <= 20


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
    assert len(sides) == 5
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
        "<td>Slight</td><td>56%–60%</td>",
        "<td>Moderate</td><td>61%–70%</td>",
        "<td>Clear</td><td>71% or more</td>",
    ]:
        assert band in html
    assert "plateau near mid-senior level" in html and "zigzag" in html
