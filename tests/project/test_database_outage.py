"""PostgreSQL stops under a running gunicorn: designed 503s, then recovery with no restart."""

import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from scripts.embedded_db import EmbeddedPostgres
from tests.serving import BASE_DIR, collect_static, gunicorn, http_status, production_env

PAGES = ["/", "/roles/ai-architect/", "/faq/", "/healthz"]


pytestmark = pytest.mark.server


# Session-wide: pytest-django runs the test without a database mark after the others. Not
# under pytest's own temporary folder, which another pytest starting makes private again.
@pytest.fixture(scope="session")
def prepared_postgres():
    """A PostgreSQL of these tests' own, so stopping it disturbs nothing else."""
    folder = Path(tempfile.mkdtemp(prefix="rolefit-outage-"))
    server = EmbeddedPostgres(root=folder / "pg")
    server.acquire()
    url = server.url()
    for command in (["migrate", "--noinput"], ["createcachetable"], ["seed_content"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "-v0"],
            cwd=BASE_DIR,
            env=production_env(url),
            check=True,
        )
    yield server
    server.destroy()
    folder.rmdir()


@pytest.fixture
def private_postgres(prepared_postgres):
    """The tests' own PostgreSQL, running (a test before may have stopped it)."""
    if prepared_postgres.running_pid() is None:
        prepared_postgres.start()
        prepared_postgres.wait_until_ready()
    return prepared_postgres


def statuses(base_url: str) -> dict[str, tuple[int, float]]:
    seen = {}
    for path in PAGES:
        started = time.monotonic()
        seen[path] = (http_status(base_url + path, timeout=10), time.monotonic() - started)
    return seen


@pytest.mark.django_db
def test_pages_answer_503_while_the_database_is_down_and_recover_by_themselves(
    private_postgres,
):
    collect_static()
    with gunicorn(private_postgres.url(), workers=2) as base_url:
        before = statuses(base_url)
        assert {status for status, _ in before.values()} == {200}, before

        private_postgres.stop()
        for _ in range(3):  # several rounds, so both workers meet the outage
            during = statuses(base_url)
            assert {status for status, _ in during.values()} == {503}, during
            assert during["/healthz"][1] < 2, during

        private_postgres.start()
        private_postgres.wait_until_ready()
        seen_after = []
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            after = statuses(base_url)
            seen_after.append(after)
            if {status for status, _ in after.values()} == {200}:
                break
        codes = {status for round_ in seen_after for status, _ in round_.values()}
        assert codes <= {200, 503}, seen_after  # never a 500
        assert {status for status, _ in seen_after[-1].values()} == {200}, seen_after


def test_the_outage_page_is_the_designed_one(private_postgres):
    collect_static()
    with gunicorn(private_postgres.url()) as base_url:
        private_postgres.stop()
        try:
            urllib.request.urlopen(base_url + "/roles/ai-architect/", timeout=10)
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read().decode()
        assert status == 503
        assert "briefly unavailable" in body
        assert "Traceback" not in body and "OperationalError" not in body
