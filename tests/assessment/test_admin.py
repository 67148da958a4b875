"""The staff-only view of assessment results: read-only list, filters and the summary."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.helpers import ARCHITECT, PAIR, make_result

CHANGELIST = "/admin/careers/assessmentresult/"


@pytest.fixture
def results(db):
    return [
        make_result(ARCHITECT, fits_me=True),
        make_result(ARCHITECT, fits_me=True),
        make_result(ARCHITECT, fits_me=False),
        make_result(ARCHITECT),
        make_result(PAIR, fits_me=False),
        make_result("hybrid", days_ago=40),
    ]


def summary_row(html, outcome):
    start = html.index(f'<th scope="row">{outcome}</th>')
    return " ".join(html[start : html.index("</tr>", start)].split())


def test_the_list_is_staff_only(client, results):
    response = client.get(CHANGELIST)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_summary_counts_outcomes_and_the_share_of_fits_me_answers(staff_client, results):
    response = staff_client.get(CHANGELIST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Summary of the 6 results listed" in html
    architect = summary_row(html, "AI architect")
    assert "<td>4</td> <td>67%</td> <td>3</td> <td>67% (2 of 3)</td>" in architect
    assert "<td>1</td> <td>17%</td> <td>1</td> <td>0% (0 of 1)</td>" in summary_row(
        html, "AI pair programmer"
    )
    assert "no answers yet" in summary_row(html, "Hybrid")
    assert "<td>6</td> <td>100%</td> <td>4</td> <td>50% (2 of 4)</td>" in summary_row(
        html, "All outcomes"
    )


def test_the_summary_follows_the_filters(staff_client, results):
    html = staff_client.get(CHANGELIST, {"outcome": PAIR}).content.decode()
    assert "Summary of the 1 result listed" in html
    assert '<th scope="row">AI architect</th>' not in html

    since = (timezone.now() - timedelta(days=7)).isoformat()
    html = staff_client.get(CHANGELIST, {"created_at__gte": since}).content.decode()
    assert "Summary of the 5 results listed" in html


def test_the_list_offers_outcome_and_date_filters(staff_client, results):
    html = staff_client.get(CHANGELIST).content.decode()
    assert "By outcome" in html
    assert "By created at" in html
    assert "70%" in html  # the fit per role column


def test_results_cannot_be_added_or_changed(staff_client, results):
    result = results[0]
    assert staff_client.get(f"{CHANGELIST}add/").status_code == 403
    page = staff_client.get(f"{CHANGELIST}{result.pk}/change/")
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    response = staff_client.post(f"{CHANGELIST}{result.pk}/change/", {"outcome": PAIR})
    assert response.status_code == 403
    result.refresh_from_db()
    assert result.outcome == ARCHITECT


def test_the_summary_of_no_results(staff_client, db):
    html = staff_client.get(CHANGELIST).content.decode()
    assert "No results yet." in html


def test_a_version_3_result_lists_its_ranges(client, staff_client, content):
    from tests.assessment.personas import HANDS_ON_JUNIOR

    assert client.post("/assessment/", HANDS_ON_JUNIOR).status_code == 303
    html = staff_client.get(CHANGELIST).content.decode()
    assert "AI pair programmer 65%–90%" in html and "AI architect 10%–35%" in html


def test_the_results_list_names_roles_and_flags_in_words(staff_client, seeded):
    result = make_result(ARCHITECT)
    result.careless = True
    result.scores = {
        **result.scores,
        "answer_style": {"too_fast": True, "acquiescence": False},
        "fit_percent": {ARCHITECT: 70, "ai-pair-programmer": 30},
    }
    result.save()
    html = staff_client.get("/admin/careers/assessmentresult/").content.decode()
    assert "AI architect 70%, AI pair programmer 30%" in html
    assert (
        '<td data-label="Answer style" class="field-answer_style">Answered very quickly</td>'
        in html
    )
    assert "ai-architect 70%" not in html
    assert "icon-yes.svg" not in html and "icon-no.svg" not in html  # no ticks for flags
