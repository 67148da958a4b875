"""A lock on the results table held longer than gunicorn's worker timeout, under real
gunicorn with sync workers and the default query limits: /healthz answers within a second
throughout, result pages get the designed 503 within the statement limit, content pages
keep answering, and no worker is killed.

The worker timeout is 10 s here and the lock 15 s: the same race as a 40 s lock against
the shipped 30 s, in a third of the time (tests/project/test_time_limits.py holds the
shipped timeout above the statement limit)."""

import threading
import time
import urllib.error
import urllib.request

import psycopg
import pytest
from django.conf import settings

from tests.helpers import stored_result_page
from tests.serving import collect_static, current_database_url, gunicorn

pytestmark = pytest.mark.django_db(transaction=True)

WORKER_TIMEOUT = 10
LOCK_SECONDS = 15  # longer than the worker timeout: a query waiting it out would be killed
# Between rounds of other pages: a few visitors a second, not as many as the CPU allows
# (which took the machine from the tests running beside this one).
VISITOR_PAUSE = 0.2


def fetch(url: str) -> tuple[int, bytes, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    return status, body, time.monotonic() - started


def test_a_table_lock_longer_than_the_worker_timeout_kills_no_worker(tmp_path, seeded, client):
    result_page = stored_result_page(client)
    collect_static()
    log = tmp_path / "gunicorn.log"
    with gunicorn(
        current_database_url(),
        workers=2,
        log_path=log,
        GUNICORN_CMD_ARGS=f"--worker-class sync --timeout {WORKER_TIMEOUT}",
        REDIS_URL="",
    ) as base_url:
        result_url = base_url + result_page
        assert fetch(result_url)[0] == 200
        statement_limit = settings.DATABASE_STATEMENT_TIMEOUT_MS / 1000
        results, others = [], []
        with psycopg.connect(current_database_url()) as holder:
            holder.execute("LOCK TABLE careers_assessmentresult")
            locked_until = time.monotonic() + LOCK_SECONDS

            def visitors_keep_asking_for_their_result():
                while time.monotonic() < locked_until:
                    results.append(fetch(result_url))

            asking = threading.Thread(target=visitors_keep_asking_for_their_result)
            asking.start()
            while time.monotonic() < locked_until:
                for path in ("/healthz", "/", "/roles/ai-architect/"):
                    others.append((path, *fetch(base_url + path)))
                time.sleep(VISITOR_PAUSE)
            asking.join()
            holder.rollback()
        assert fetch(result_url)[0] == 200

    assert results and {status for status, _, _ in results} == {503}
    assert all(b"Our database is too busy" in body for _, body, _ in results)
    assert max(seconds for _, _, seconds in results) < statement_limit
    assert {status for _, status, _, _ in others} == {200}
    assert max(seconds for path, _, _, seconds in others if path == "/healthz") < 1
    lines = log.read_text()
    assert "WORKER TIMEOUT" not in lines and "SIGKILL" not in lines
    # Two workers booted, and any other only to replace one recycled after max_requests.
    assert lines.count("Booting worker") == 2 + lines.count("Autorestarting worker")
