"""careers/assessment/quality.py against hand-computed values, and the staff page."""

import re

import pytest
from django.core.management import call_command

from careers.assessment.quality import (
    MIN_RESULTS,
    Item,
    StoredAnswers,
    cronbach_alpha,
    item_rest_correlations,
    pearson,
    quality_report,
)
from careers.assessment.selectors import assessment_questions
from careers.models import AssessmentResult, Question

QUALITY_URL = "/admin/careers/assessmentresult/quality/"


def test_cronbach_alpha_by_hand():
    # Three items, four respondents. Item variances (n-1): 5/3, 2/3, 1/3 -> sum 8/3.
    # Totals 12, 10, 6, 8: mean 9, variance (9 + 1 + 9 + 1) / 3 = 20/3.
    # alpha = 3/2 * (1 - (8/3) / (20/3)) = 3/2 * 3/5 = 0.9.
    columns = [[5, 4, 2, 3], [4, 3, 2, 3], [3, 3, 2, 2]]
    assert cronbach_alpha(columns) == pytest.approx(0.9)


def test_alpha_is_undefined_without_two_items_or_any_variance():
    assert cronbach_alpha([[1, 2, 3]]) is None
    assert cronbach_alpha([[3, 3], [3, 3]]) is None


def test_pearson_and_item_rest_by_hand():
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert pearson([1, 1, 1], [1, 2, 3]) is None
    # a's rest is b + c = [7, 6, 4, 5]; r(a, rest) by hand:
    # a mean 3.5, rest mean 5.5; cov sum = 1.5*1.5 + .5*.5 + -1.5*-1.5 + -.5*-.5 = 5
    # spread a = 5, spread rest = 5 -> r = 5 / 5 = 1.0
    r = item_rest_correlations({"a": [5, 4, 2, 3], "b": [4, 3, 2, 3], "c": [3, 3, 2, 2]})
    assert r["a"] == pytest.approx(1.0)
    # b = [4, 3, 2, 3], mean 3; its rest a + c = [8, 7, 4, 5], mean 6:
    # cov sum = 1*2 + 0*1 + -1*-2 + 0*-1 = 4; spreads 2 and 10 -> r = 4 / sqrt(20)
    assert r["b"] == pytest.approx(4 / 20**0.5)


def test_pair_programmer_items_are_reversed_before_scoring():
    items = [Item("p", "f"), Item("a", "f")]
    results = [
        StoredAnswers({"p": 6 - a, "a": a}, "x", None, {}, None, frozenset({"p"}))
        for a in [1, 2, 3, 4, 5] * 6
    ]
    report = quality_report(items=items, results=results, checks=(), outcomes=("x",), strengths=())
    assert report.factors[0].alpha == pytest.approx(1.0)
    assert report.factors[0].item_rest == {"p": pytest.approx(1.0), "a": pytest.approx(1.0)}


def test_each_answer_is_keyed_by_the_side_in_its_own_results_snapshot():
    # "s" leaned toward the pair programmer when the first 30 were scored and toward the
    # architect for the next 30: keyed by each result's own snapshot, alpha stays 1.
    items = [Item("s", "f"), Item("a", "f")]
    before = [
        StoredAnswers({"s": 6 - a, "a": a}, "x", None, {}, None, frozenset({"s"}))
        for a in [1, 2, 4, 5] * 8
    ]
    after = [
        StoredAnswers({"s": a, "a": a}, "x", None, {}, None, frozenset()) for a in [1, 2, 4, 5] * 8
    ]
    report = quality_report(
        items=items, results=before + after, checks=(), outcomes=("x",), strengths=()
    )
    assert report.factors[0].alpha == pytest.approx(1.0)


def test_alpha_with_and_without_flagged_and_demonstration_results_and_of_the_fit():
    items = [Item("a", "f"), Item("b", "f"), Item("c", "g")]
    consistent = [
        StoredAnswers({"a": v, "b": v, "c": v}, "x", None, {}, None) for v in [1, 3, 5] * 10
    ]
    # Flagged and demonstration answer sets that contradict themselves.
    noisy = [
        StoredAnswers({"a": 1, "b": 5, "c": 3}, "x", None, {"contradiction": True}, None),
        StoredAnswers({"a": 5, "b": 1, "c": 3}, "x", None, {}, None, demo=True),
    ] * 5
    report = quality_report(
        items=items,
        results=consistent + noisy,
        checks=("contradiction",),
        outcomes=("x",),
        strengths=(),
    )
    factor = report.factors[0]
    assert factor.clean_alpha == pytest.approx(1.0) and factor.clean_respondents == 30
    assert factor.alpha < 0.9 and factor.respondents == 40
    fit = report.fit_reliability
    assert fit.respondents == 40 and fit.clean_alpha == pytest.approx(1.0)
    assert fit.alpha < fit.clean_alpha


def test_rates_shares_and_the_minimum():
    results = [
        StoredAnswers({}, "hybrid", None, {"acquiescence": True}, True),
        StoredAnswers({}, "arch", "clear", {}, True),
        StoredAnswers({}, "arch", "clear", {"too_fast": True, "acquiescence": True}, False),
        StoredAnswers({}, "arch", "slight", {}, None),
    ]
    report = quality_report(
        items=[],
        results=results,
        checks=("acquiescence", "too_fast"),
        outcomes=("hybrid", "arch"),
        strengths=("slight", "clear"),
    )
    assert not report.enough and report.factors == ()
    arch = next(rate for rate in report.outcomes if rate.label == "arch")
    assert (arch.count, arch.answered, arch.yes, arch.yes_percent) == (3, 2, 1, 50)
    clear = next(rate for rate in report.strengths if rate.label == "clear")
    assert clear.yes_percent == 50
    assert [rate.label for rate in report.strengths] == ["slight", "clear", "hybrid"]
    assert report.flag_shares == {"acquiescence": 50, "too_fast": 25}
    assert report.flagged_percent == 50


def test_the_quality_page_is_staff_only(client, db):
    response = client.get(QUALITY_URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_quality_page_says_when_there_are_not_enough_results(staff_client, seeded):
    call_command("generate_demo_results", count=MIN_RESULTS - 1, force=True, verbosity=0)
    html = staff_client.get(QUALITY_URL).content.decode()
    assert f"Not enough results yet: {MIN_RESULTS - 1} of the {MIN_RESULTS}" in html
    assert '<li class="info">Not enough results yet' in html  # information, not an error
    assert "errornote" not in html
    assert '<ol class="breadcrumbs">' in html  # styled like the rest of the admin
    assert ": alpha" not in html and 'class="item-rest"' not in html


def test_the_quality_page_shows_alpha_and_item_rest_on_generated_answers(staff_client, seeded):
    call_command("generate_demo_results", count=60, force=True, verbosity=0)
    assert AssessmentResult.objects.filter(scores__demo=True).count() == 60
    html = staff_client.get(QUALITY_URL).content.decode()
    assert "of which 60 are generated demonstration answers, not real visitors" in html
    # Four scored factors and the fit; every demonstration result left out below.
    assert html.count(": alpha 0.") + html.count(": alpha 1.") == 5
    assert html.count("without flagged and demonstration results: —") == 5
    assert "Reliability of the fit" in html
    assert html.count('<td class="item-rest">') == 24
    assert "<td>Agreeing with both sides</td>" in html and "Close call" in html
    call_command("generate_demo_results", delete=True, verbosity=0)
    assert AssessmentResult.objects.count() == 0


def test_demonstration_answers_are_never_generated_outside_debug(seeded, settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("generate_demo_results", count=1, verbosity=0)
    assert AssessmentResult.objects.count() == 0


def test_the_results_list_links_to_the_quality_page(staff_client, db):
    html = staff_client.get("/admin/careers/assessmentresult/").content.decode()
    assert f'href="{QUALITY_URL}"' in html


def test_the_page_keys_answers_by_the_side_they_were_scored_with(staff_client, seeded):
    call_command("generate_demo_results", count=40, force=True, verbosity=0)
    before = staff_client.get(QUALITY_URL).content.decode()
    # An editor moves a statement to the other side after those results were scored.
    question = Question.objects.get(slug="depth-trace-logic-error")
    question.leans_toward = question.factor.architect_role
    question.save()  # a content change: the live questionnaire is read afresh
    assert "depth-trace-logic-error" in {
        q.slug for q in assessment_questions() if q.leans_toward == question.leans_toward
    }
    after = staff_client.get(QUALITY_URL).content.decode()
    alphas = re.compile(r": alpha (\d\.\d\d)")
    assert alphas.findall(before) and alphas.findall(after) == alphas.findall(before)
