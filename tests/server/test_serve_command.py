"""`make serve`'s stack (scripts/serve.py): nginx in front of gunicorn, both stopped by Ctrl-C."""

import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.serving import (
    BASE_DIR,
    collect_static,
    current_database_url,
    free_port,
    poll,
    production_env,
)

pytestmark = pytest.mark.django_db


def descendants(pid: int) -> list[int]:
    found, pending = [], [pid]
    while pending:
        path = Path(f"/proc/{pending.pop()}/task")
        for task in path.glob("*/children") if path.exists() else []:
            children = [int(child) for child in task.read_text().split()]
            found += children
            pending += children
    return found


def program(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except FileNotFoundError:
        return ""


def test_serve_puts_nginx_in_front_of_gunicorn_and_ctrl_c_stops_both(django_db_blocker):
    with django_db_blocker.unblock():
        collect_static()
        env = production_env(current_database_url())
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "scripts.serve", "--port", str(port), "--listen", "127.0.0.1"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert "nginx → gunicorn" in process.stdout.readline()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
            assert response.status == 200
            assert response.headers["Server"] == "nginx"
        servers = descendants(process.pid)
        names = " ".join(program(pid) for pid in servers)
        assert "nginx: master" in names and "gunicorn" in names
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
        poll(lambda: not any(program(pid) for pid in servers), timeout=10, message="all stopped")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
