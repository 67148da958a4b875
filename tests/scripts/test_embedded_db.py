"""The embedded PostgreSQL launcher behind `make run` and `make test`."""

import os
import signal
import subprocess
import sys

import pytest

from scripts.embedded_db import EmbeddedPostgres
from tests.serving import poll

pytestmark = pytest.mark.server  # PostgreSQL servers of the tests' own

LAUNCHER = [sys.executable, "-m", "scripts.embedded_db", "run", "--"]


@pytest.fixture
def server(tmp_path):
    server = EmbeddedPostgres(root=tmp_path / "pg")
    yield server
    server.destroy()


def query(server: EmbeddedPostgres, sql: str) -> str:
    psql = server.url().replace("postgres://", "postgresql://")
    return subprocess.run(
        ["psql", psql, "-tAc", sql], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_starts_serves_and_stops(server):
    assert server.acquire() is True
    assert query(server, "SELECT current_database()") == "rolefit"
    server.release()
    assert server.running_pid() is None


def test_a_server_left_by_a_killed_launcher_is_adopted_and_stopped(server):
    server.acquire()  # this "launcher" dies without releasing...
    server.owner_file.write_text("999999")  # ...its owner pid now names no process
    successor = EmbeddedPostgres(root=server.root)
    assert successor.acquire() is True
    assert query(successor, "SELECT 1") == "1"
    successor.release()
    assert successor.running_pid() is None


def test_a_stale_pid_file_does_not_block_a_start(server):
    server.acquire()
    server.stop()
    pid_file = server.data_dir / "postmaster.pid"
    pid_file.write_text(f"{os.getpid()}\n{server.data_dir}\n")  # a live process, not postgres
    assert server.running_pid() is None
    assert not pid_file.exists()
    server.acquire()
    assert query(server, "SELECT 2") == "2"


def test_launcher_killed_with_sigkill_leaves_a_server_the_next_run_reuses(tmp_path, server):
    env = {**os.environ, "ROLEFIT_EMBEDDED_DB_DIR": str(server.root)}
    env.pop("DATABASE_URL", None)
    launcher = subprocess.Popen([*LAUNCHER, "sleep", "60"], env=env)
    poll(server.running_pid, timeout=30, message="the launcher's server")
    launcher.send_signal(signal.SIGKILL)
    launcher.wait()
    assert server.running_pid() is not None  # the orphaned server still runs
    again = subprocess.run(
        [*LAUNCHER, "sh", "-c", 'psql "$DATABASE_URL" -tAc "SELECT 7"'],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert again.stdout.strip() == "7", again.stderr
    assert server.running_pid() is None  # the second launcher stopped what it adopted


def test_no_server_starts_when_database_url_is_set(tmp_path):
    # Where the launcher would put a server's data: it must not even create it.
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://somewhere/else",
        "ROLEFIT_EMBEDDED_DB_DIR": str(tmp_path / "pg"),
    }
    result = subprocess.run(
        [*LAUNCHER, "sh", "-c", 'echo "$DATABASE_URL"'], env=env, capture_output=True, text=True
    )
    assert result.stdout.strip() == "postgres://somewhere/else"
    assert not (tmp_path / "pg").exists()


def test_a_wrong_command_line_gets_the_usage_and_exit_code_2():
    result = subprocess.run(
        [sys.executable, "-m", "scripts.embedded_db", "start"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "Usage: python -m scripts.embedded_db run -- COMMAND" in result.stderr
