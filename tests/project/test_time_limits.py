"""Database time limits on web requests: a locked table costs the pages that read it a
designed 503 within the limit, and nothing else (docs/operations.md)."""

import runpy
import subprocess
import sys
import threading
import time
from contextlib import contextmanager

import psycopg
import pytest
from django.db import connection
from django.test import Client

from tests.helpers import stored_result_page
from tests.serving import BASE_DIR, current_database_url, production_env

pytestmark = pytest.mark.django_db(transaction=True)

STATEMENT_LIMIT_SECONDS = 1.5
LOCK_LIMIT_SECONDS = 0.5


@contextmanager
def table_locked(table: str, *, at_most: float = 10):
    """`LOCK TABLE table` held from another connection until the block ends (or `at_most`
    seconds, so that a request the limits failed to stop answers late instead of never)."""
    with psycopg.connect(current_database_url()) as other:
        other.execute(f"LOCK TABLE {table}")
        release = threading.Timer(at_most, other.rollback)
        release.start()
        try:
            yield
        finally:
            release.cancel()
            other.rollback()


def timed_get(client, path: str):
    started = time.monotonic()
    response = client.get(path)
    return response, time.monotonic() - started


@pytest.fixture
def limited_client(settings):
    """A visitor's client on a new connection with short web limits."""
    settings.DATABASE_STATEMENT_TIMEOUT_MS = int(STATEMENT_LIMIT_SECONDS * 1000)
    settings.DATABASE_LOCK_TIMEOUT_MS = int(LOCK_LIMIT_SECONDS * 1000)
    client = Client(raise_request_exception=False)
    client.get("/healthz")  # the first request loads the middleware that sets the limits
    connection.close()  # so the next request's connection is opened with them
    yield client
    connection.close()


def test_a_locked_results_table_costs_result_pages_a_designed_503_and_nothing_else(
    limited_client,
):
    result_page = stored_result_page(limited_client)
    with table_locked("careers_assessmentresult"):
        page, seconds = timed_get(limited_client, result_page)
        assert page.status_code == 503
        assert seconds < STATEMENT_LIMIT_SECONDS
        assert "Our database is too busy" in page.content.decode()
        assert page["Retry-After"]

        health, seconds = timed_get(limited_client, "/healthz")
        assert (health.status_code, health.content) == (200, b"ok")
        assert seconds < 1

        for path in ("/", "/roles/ai-architect/", "/faq/", "/assessment/methodology/"):
            assert limited_client.get(path).status_code == 200, path
    assert limited_client.get(result_page).status_code == 200


def test_management_commands_run_without_the_web_limits(settings):
    show = (
        "from django.db import connection; c = connection.cursor(); "
        "c.execute('SHOW statement_timeout'); print(c.fetchone()[0]); "
        "c.execute('SHOW lock_timeout'); print(c.fetchone()[0])"
    )
    output = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", show],
        cwd=BASE_DIR,
        env=production_env(current_database_url()),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert output == ["0", "0"]


def test_a_request_runs_under_the_web_limits(limited_client):
    limited_client.get("/")
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "1500ms"
        cursor.execute("SHOW lock_timeout")
        assert cursor.fetchone()[0] == "500ms"


def test_gunicorn_lets_a_query_reach_its_limit_before_it_kills_the_worker(settings):
    config = runpy.run_path(str(BASE_DIR / "rolefit" / "gunicorn.conf.py"))
    assert config["timeout"] > settings.DATABASE_STATEMENT_TIMEOUT_MS / 1000
