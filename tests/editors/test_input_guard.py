"""What the admin's input guard refuses (careers/editors/site.py): values Django would carry
to the SQL and fail there. Every admin's changelist is swept in test_admin_hostile_input.py.
"""

import json

import pytest

from tests.helpers import logged_lines

pytestmark = pytest.mark.django_db

REFUSED = b"We could not read that request"


@pytest.mark.parametrize(
    "query",
    [
        # The questionnaires' list filters by date and has no date hierarchy (issue 24).
        "created_at__year=0",
        "created_at__year=10000",
        "created_at__year=-1",
        "created_at__year=99999999999999999999",
        "created_at__year__gte=0",
        "created_at__year__lt=10000",
        "created_at__iso_year=10000",
        "created_at__date__year=0",
        "created_at__year__in=2026,0",
        "created_at__year=abc",
    ],
)
def test_a_year_no_date_can_hold_is_a_400_on_any_date_filter(staff_client, query):
    for changelist in ("/admin/careers/questionnaire/", "/admin/careers/assessmentresult/"):
        response = staff_client.get(f"{changelist}?{query}")
        assert response.status_code == 400, (changelist, query)
        assert REFUSED in response.content


def test_years_a_date_can_hold_filter_as_usual(staff_client):
    for query in ["created_at__year=2026", "created_at__year__gte=1", "created_at__year=9998"]:
        response = staff_client.get(f"/admin/careers/questionnaire/?{query}")
        assert response.status_code == 200, query


@pytest.mark.parametrize(
    "query",
    [
        "created_at__year=2026&created_at__month=13",
        "created_at__year=2026&created_at__month=2&created_at__day=30",
        "created_at__year=9999",
        "created_at__month=x",
    ],
)
def test_a_date_hierarchy_drilldown_to_no_day_is_a_400(staff_client, query):
    response = staff_client.get(f"/admin/careers/assessmentresult/?{query}")
    assert response.status_code == 400, query


def test_a_value_the_field_cannot_hold_is_a_400_even_where_django_passes_it_on(staff_client):
    # The lockout lists' address field: Django lets text through to the SQL.
    for query in ["ip_address=abc", "ip_address__in=198.51.100.7,abc", "ip_address__gte=x"]:
        response = staff_client.get(f"/admin/axes/accessattempt/?{query}")
        assert response.status_code == 400, query
    response = staff_client.get("/admin/axes/accessattempt/?ip_address=198.51.100.7")
    assert response.status_code == 200


def test_actions_on_ids_the_table_cannot_hold_are_a_400(staff_client):
    for selected in ["abc", "99999999999999999999999", "1.5"]:
        response = staff_client.post(
            "/admin/careers/role/",
            f"action=delete_selected&_selected_action={selected}",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 400, selected


def test_a_refusal_is_one_log_line_without_a_traceback(staff_client):
    with logged_lines() as lines:
        response = staff_client.get("/admin/careers/questionnaire/?created_at__year=0")
    assert response.status_code == 400
    assert len(lines) == 1
    entry = json.loads(lines[0])
    assert entry["message"] == "admin input refused: year out of range"
    assert entry["status"] == 400
    assert "traceback" not in entry
