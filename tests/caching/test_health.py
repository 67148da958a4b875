import pytest
from django.db import OperationalError, connection

from rolefit.caching.health import first_query_checks_connection

pytestmark = pytest.mark.django_db(transaction=True)


def current_backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def break_connection_behind_djangos_back() -> None:
    """What a database restart does to a kept connection."""
    connection.ensure_connection()
    connection.connection.close()
    connection.health_check_done = False  # a new request begins


def test_a_connection_broken_since_the_last_request_is_replaced_and_the_query_retried():
    before = current_backend_pid()
    break_connection_behind_djangos_back()
    after = first_query_checks_connection(current_backend_pid)
    assert after != before


def test_a_healthy_kept_connection_costs_no_extra_query(django_assert_num_queries):
    connection.ensure_connection()
    connection.health_check_done = False
    with django_assert_num_queries(1):
        first_query_checks_connection(current_backend_pid)


def test_a_fresh_connection_that_fails_is_not_retried():
    connection.close()
    calls = []

    def failing_query():
        calls.append(1)
        raise OperationalError("connection refused")

    with pytest.raises(OperationalError):
        first_query_checks_connection(failing_query)
    assert len(calls) == 1
