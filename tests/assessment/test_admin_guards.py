"""The questionnaire's guard rails in the admin: no one-sided factor, and a count of the
stored results that used a weight or side being changed."""

import time

import pytest

from careers.assessment.forms import STARTED_FIELD, started_stamp
from careers.models import DecisionFactor, Question
from tests.assessment.personas import HANDS_ON_JUNIOR
from tests.helpers import ARCHITECT, question_form_data

QUESTIONS = "/admin/careers/question/"


@pytest.fixture
def content(seeded, settings):
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 0


def test_deactivating_a_factors_last_architect_statements_is_refused(staff_client, content):
    factor = DecisionFactor.objects.get(slug="risk-appetite")
    architect_side = list(factor.questions.active().filter(leans_toward__slug=ARCHITECT))
    Question.objects.filter(pk__in=[q.pk for q in architect_side[:-1]]).update(active=False)
    last = architect_side[-1]
    response = staff_client.post(
        f"{QUESTIONS}{last.pk}/change/", question_form_data(last, active="")
    )
    assert response.status_code == 200
    assert "would have active statements leaning one way only" in response.content.decode()
    assert Question.objects.get(pk=last.pk).active is True


def test_moving_a_factors_last_statement_to_the_other_side_is_refused(staff_client, content):
    factor = DecisionFactor.objects.get(slug="pace-and-visibility")
    pair_side = list(factor.questions.active().exclude(leans_toward__slug=ARCHITECT))
    Question.objects.filter(pk__in=[q.pk for q in pair_side[:-1]]).update(active=False)
    last = pair_side[-1]
    data = question_form_data(last, leans_toward=factor.architect_role_id)
    response = staff_client.post(f"{QUESTIONS}{last.pk}/change/", data)
    assert "one way only" in response.content.decode()


def test_the_factor_page_refuses_one_sided_statements(staff_client, content):
    factor = DecisionFactor.objects.get(slug="depth-vs-breadth")
    page = staff_client.get(f"/admin/careers/decisionfactor/{factor.pk}/change/")
    form = page.context["adminform"].form
    data = {name: form.initial.get(name, "") for name in form.fields}
    data |= {"pair_programmer_role": factor.pair_programmer_role_id}
    data |= {"architect_role": factor.architect_role_id}
    formset = page.context["inline_admin_formsets"][0].formset
    data |= {
        f"{formset.prefix}-TOTAL_FORMS": len(formset.forms),
        f"{formset.prefix}-INITIAL_FORMS": len(formset.forms),
    }
    for index, inline in enumerate(formset.forms):
        q = inline.instance
        for field, value in question_form_data(q).items():
            if field == "factor":
                continue
            if field == "active" and q.leans_toward.slug == ARCHITECT:
                continue  # switch every architect statement off
            data[f"{formset.prefix}-{index}-{field}"] = value
        data[f"{formset.prefix}-{index}-id"] = q.pk
        data[f"{formset.prefix}-{index}-factor"] = factor.pk
    data = {key: value for key, value in data.items() if value is not None}
    response = staff_client.post(f"/admin/careers/decisionfactor/{factor.pk}/change/", data)
    assert response.status_code == 200
    assert "one way only" in response.content.decode()
    assert factor.questions.active().filter(leans_toward__slug=ARCHITECT).count() == 3


def test_changing_a_weight_says_how_many_stored_results_used_the_old_one(
    client, staff_client, content
):
    for _ in range(3):
        stamp = {STARTED_FIELD: started_stamp(at=time.time() - 300)}
        assert client.post("/assessment/", {**HANDS_ON_JUNIOR, **stamp}).status_code == 303
    question = Question.objects.get(slug="depth-trace-logic-error")
    page = staff_client.get(f"{QUESTIONS}{question.pk}/change/").content.decode()
    assert "3 stored results were scored with this weight and side" in page
    new_weight = 5 if question.weight != 5 else 1
    response = staff_client.post(
        f"{QUESTIONS}{question.pk}/change/",
        question_form_data(question, weight=new_weight),
        follow=True,
    )
    html = response.content.decode()
    assert f"3 stored results were scored with the old weight {question.weight}" in html
    assert Question.objects.get(pk=question.pk).weight == new_weight
