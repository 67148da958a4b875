"""A plan to act on (issue 21): experiments for the factors a result is least sure of,
30/60/90 days of skills and tools, progress kept with the result, retake and compare."""

import re

import pytest
from django.test import Client

from careers.assessment.ownership import comparison_build
from careers.assessment.plan import plan_read
from careers.models import AssessmentResult, Experiment, Question, Tool
from tests.helpers import ARCHITECT, PAIR, STRONGLY_AGREE, STRONGLY_DISAGREE, leaning_answers

FORM_URL = "/assessment/"
RETAKE_LINK = re.compile(r'href="(/assessment/\?retake=[^"]+)">Take it again')


@pytest.fixture
def questions(seeded, settings):
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 0
    settings.RESULT_LINK_RATE_LIMIT_PER_MINUTE = 0
    return list(Question.objects.active().select_related("leans_toward", "factor"))


def take(client, answers, **extra) -> AssessmentResult:
    response = client.post(FORM_URL, {**answers, **extra})
    assert response.status_code == 303, response.content[:300]
    return AssessmentResult.objects.get(pk=response["Location"].split("/")[-2])


def architect_except(questions, factor_slug: str) -> dict[str, int]:
    """A clear architect everywhere but on one factor, where the answers lean the other way."""
    answers = leaning_answers(questions, ARCHITECT)
    for q in questions:
        if q.factor.slug == factor_slug:
            toward_pair = q.leans_toward.slug == PAIR
            answers[q.slug] = STRONGLY_AGREE if toward_pair else STRONGLY_DISAGREE
    return answers


def plan_of(result) -> dict:
    """The result's stored plan, with each step's words from the content."""
    return plan_read(result.report["plan"])


def all_steps(plan) -> list[dict]:
    return plan["experiments"] + [s for phase in plan["phases"] for s in phase["steps"]]


# --- Experiments --------------------------------------------------------------------------


def test_the_factor_against_the_recommendation_gets_an_experiment_of_the_recommended_side(
    client, questions
):
    result = take(client, architect_except(questions, "collaboration-style"), experience="senior")
    assert result.outcome == ARCHITECT
    first = plan_of(result)["experiments"][0]
    assert first["factor_name"] == "Collaboration style"
    assert "lean the other way, toward the AI pair programmer" in first["reason"]
    expected = Experiment.objects.get(
        factor__slug="collaboration-style", role__slug=ARCHITECT, stage="experienced"
    )
    assert first["title"] == expected.title
    page = client.get(result.get_absolute_url()).content.decode()
    assert "Try it before you choose" in page and expected.title in page


def test_a_clear_result_never_calls_a_strong_leaning_slight(client, questions):
    result = take(client, leaning_answers(questions, ARCHITECT))
    for experiment in plan_of(result)["experiments"]:
        assert "only a little" not in experiment["reason"]
        assert "lean least strongly (100 of 100, toward the AI architect)" in experiment["reason"]


def test_the_experience_answer_shapes_the_experiment(client, questions):
    answers = architect_except(questions, "pace-and-visibility")
    senior = plan_of(take(client, answers, experience="lead"))["experiments"][0]
    student = plan_of(take(client, answers, experience="student"))["experiments"][0]
    assert senior["factor_name"] == student["factor_name"] == "Pace and visibility"
    assert senior["title"] == "Lead one design review"  # the article's "lead design reviews"
    assert student["title"] != senior["title"]


def test_every_experiment_names_an_article_section_of_the_roles_work(seeded):
    sections = set(Experiment.objects.values_list("article_section", flat=True))
    assert sections <= {
        "Core Responsibilities of an AI Pair Programmer",
        "Key Functions of an AI Architect",
        "Work Environments and Team Dynamics",
        "Choosing Between AI Pair Programmer and AI Architect: Decision Factors",
    }
    # One per side of each factor the article gives sides to, for both stages.
    assert Experiment.objects.count() == 4 * 2 * 2


# --- 30/60/90 days ------------------------------------------------------------------------


def test_the_plan_starts_with_the_roles_core_tools_whole_and_linked(client, questions):
    result = take(client, leaning_answers(questions, PAIR))
    plan = plan_of(result)
    assert [phase["days"] for phase in plan["phases"]] == [
        "Days 1–30",
        "Days 31–60",
        "Days 61–90",
    ]
    tools = [s for s in all_steps(plan) if s["kind"] == "tool"]
    # Core tools first, not alphabetical (Amazon CodeWhisperer would come first).
    assert tools[0]["title"] == "Try GitHub Copilot"
    copilot = Tool.objects.get(slug="github-copilot")
    page = client.get(result.get_absolute_url()).content.decode()
    assert f'<a href="/tools/?category={copilot.category.slug}#tool-github-copilot">' in page
    assert copilot.description in page  # whole, never cut mid-sentence
    assert "Tools to try" not in page
    assert all(step["article_section"] for step in all_steps(plan))
    assert page.count("From the article's section") >= len(all_steps(plan))


def test_the_plan_builds_the_skills_of_the_articles_comparison(client, questions):
    plan = plan_of(take(client, leaning_answers(questions, ARCHITECT)))
    skills = [s for s in all_steps(plan) if s["kind"] == "skill"]
    assert len(skills) == 5
    assert skills[0]["title"] == "Skill to build: Coding proficiency (broad)"
    assert {s["article_section"] for s in skills} == {
        "AI Pair Programmer vs AI Architect: Skills and Qualifications Compared"
    }


def test_a_close_call_plans_for_both_roles(client, questions):
    answers = {q.slug: 3 for q in questions}
    result = take(client, answers)
    plan = plan_of(result)
    assert plan["roles"] == ["AI pair programmer", "AI architect"]
    roles = {s["role_name"] for s in all_steps(plan) if s["kind"] != "experiment"}
    assert roles == {"AI pair programmer", "AI architect"}


# --- Progress -----------------------------------------------------------------------------


def mark(client, result, step, state, **headers):
    url = f"{result.get_absolute_url()}progress/"
    return client.post(url, {"step": step, "state": state}, headers=headers)


def test_marking_a_step_is_kept_with_the_result_and_shown_on_return(client, questions):
    result = take(client, leaning_answers(questions, ARCHITECT))
    experiment, tool = plan_of(result)["experiments"][0], plan_of(result)["phases"][0]["steps"][0]
    response = mark(client, result, experiment["key"], "done")
    assert response.status_code == 303
    assert response["Location"] == f"{result.get_absolute_url()}#step-{experiment['key']}"
    assert mark(client, result, tool["key"], "skipped").status_code == 303
    page = client.get(result.get_absolute_url()).content.decode()
    assert re.search(rf'id="step-{experiment["key"]}".*?data-state="done">Done<', page, re.S)
    assert re.search(rf'id="step-{tool["key"]}".*?data-state="skipped">Skipped<', page, re.S)
    assert "1 of " in page
    data = client.get(f"/assessment/results/{result.pk}.json").json()
    assert data["plan"]["experiments"][0]["state"] == "done"
    assert data["plan"]["phases"][0]["steps"][0]["state"] == "skipped"
    assert mark(client, result, tool["key"], "open").status_code == 303
    result.refresh_from_db()
    assert result.progress == {experiment["key"]: "done"}


def test_an_edited_step_shows_at_once_and_keeps_its_progress(client, questions):
    result = take(client, leaning_answers(questions, ARCHITECT))
    key = plan_of(result)["experiments"][0]["key"]
    mark(client, result, key, "done")
    Experiment.objects.filter(slug=key.removeprefix("experiment-")).update(title="Renamed try")
    page = client.get(result.get_absolute_url()).content.decode()
    assert re.search(rf'id="step-{key}".*?Renamed try.*?data-state="done"', page, re.S)


def test_the_script_gets_the_new_state_as_json(client, questions):
    result = take(client, leaning_answers(questions, ARCHITECT))
    step = plan_of(result)["experiments"][1]["key"]
    response = mark(client, result, step, "skipped", Accept="application/json")
    assert response.json() == {"step": step, "state": "skipped", "label": "Skipped"}


@pytest.mark.parametrize(
    "body", [{"step": "tool-nonexistent", "state": "done"}, {"state": "done"}, {"step": "x"}]
)
def test_a_mark_for_no_step_of_the_plan_is_refused(client, questions, body):
    result = take(client, leaning_answers(questions, ARCHITECT))
    response = client.post(f"{result.get_absolute_url()}progress/", body)
    assert response.status_code == 400
    result.refresh_from_db()
    assert result.progress == {}


def test_an_unknown_state_is_refused(client, questions):
    result = take(client, leaning_answers(questions, ARCHITECT))
    step = plan_of(result)["experiments"][0]["key"]
    assert mark(client, result, step, "finished").status_code == 400


def test_only_the_owner_marks_progress(client, questions):
    result = take(client, leaning_answers(questions, ARCHITECT))
    step = plan_of(result)["experiments"][0]["key"]
    stranger = Client()
    assert mark(stranger, result, step, "done").status_code == 403
    page = stranger.get(result.get_absolute_url()).content.decode()
    assert "Your 30/60/90-day plan" in page and "Mark done" not in page


def test_deleting_the_result_deletes_its_progress(client, questions):
    result = take(client, leaning_answers(questions, ARCHITECT))
    mark(client, result, plan_of(result)["experiments"][0]["key"], "done")
    client.post(f"{result.get_absolute_url()}delete/")
    assert not AssessmentResult.objects.filter(pk=result.pk).exists()


# --- Retake and compare -------------------------------------------------------------------


def test_a_retake_from_the_owners_result_shows_what_moved_and_links_back(client, questions):
    first = take(client, leaning_answers(questions, ARCHITECT))
    link = RETAKE_LINK.search(client.get(first.get_absolute_url()).content.decode()).group(1)
    form = client.get(link).content.decode()
    token = re.search(r'name="retake" value="([^"]+)"', form).group(1)
    second = take(client, architect_except(questions, "risk-appetite"), retake=token)
    assert second.previous_id == first.pk
    page = client.get(second.get_absolute_url()).content.decode()
    assert "What moved since last time" in page
    assert "<strong>Risk appetite</strong>: Moved 200 points toward the AI pair programmer" in page
    assert "<strong>Depth vs breadth</strong>: About the same as last time." in page
    assert f'href="{first.get_absolute_url()}">Your earlier result' in page
    assert client.get(f"/assessment/results/{second.pk}.json").json()["previous"] == str(first.pk)


def test_a_shared_links_reader_gets_no_retake_link_and_a_forged_one_links_nothing(
    client, questions
):
    first = take(client, leaning_answers(questions, ARCHITECT))
    stranger = Client()
    page = stranger.get(first.get_absolute_url()).content.decode()
    assert 'href="/assessment/">Take it again' in page
    second = take(stranger, leaning_answers(questions, PAIR), retake=f"{first.pk.hex}:forged")
    assert second.previous_id is None


def test_what_moved_is_matched_by_factor_slug_across_versions(seeded):
    names = {"pair_programmer_name": "AI pair programmer", "architect_name": "AI architect"}
    earlier = AssessmentResult(
        report={
            "headline": "You fit both roles",
            "factors": [
                {"slug": "risk", "name": "Risk", "leaning": 40, **names},
                {"slug": "pace", "name": "Pace", "leaning": -50, **names},
                {"slug": "learning", "name": "Learning", "leaning": 10, **names},
            ],
        }
    )
    now = AssessmentResult(previous=earlier)
    report = {
        "headline": "You lean toward the AI architect",
        "factors": [
            {"slug": "pace", "name": "Pace", "leaning": 30, **names},
            {"slug": "risk", "name": "Risk", "leaning": 35, **names},
        ],
    }
    moves = {m.name: m.sentence for m in comparison_build(result=now, report=report).moves}
    assert moves == {
        "Pace": "Moved 80 points toward the AI architect.",
        "Risk": "About the same as last time.",
        "Learning": "Not scored any more.",
    }
