"""Runs the real gunicorn (production settings) in a subprocess for tests that need it."""

import fcntl
import functools
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

BASE_DIR = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


def poll(condition, *, timeout: float, interval: float = 0.05, message: str = "condition"):
    """Waits until `condition()` returns something true, and returns it."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"{message} not met within {timeout} s")
        time.sleep(interval)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def current_database_url() -> str:
    """A DATABASE_URL for the database this test run uses (the test database)."""
    params = connection.settings_dict
    host = params["HOST"] or params.get("OPTIONS", {}).get("host") or "localhost"
    if host.startswith("/"):
        return f"postgres://{params['USER']}@/{params['NAME']}?host={host}"
    port = params["PORT"] or 5432
    return f"postgres://{params['USER']}@{host}:{port}/{params['NAME']}"


def production_env(database_url: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_HTTPS": "0",
        "DJANGO_SECRET_KEY": "gunicorn-test-secret-key-long-enough-to-be-realistic-1234567890",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PYTHONUNBUFFERED": "1",
        **extra,
    }


@functools.cache  # once a test session: the static files do not change during it
def collect_static() -> None:
    """The static files and nginx's error pages, as `make serve` writes them: once a run,
    whichever pytest-xdist process asks first. Writing them again would pull files from
    under a server another process has started (collectstatic deletes its manifest before
    writing it anew)."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID", "")
    with open(BASE_DIR / ".collectstatic.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        lock.seek(0)
        if run and lock.read() == run:
            return
        for command in (["collectstatic", "--noinput"], ["render_error_pages"]):
            subprocess.run(
                [sys.executable, "manage.py", *command, "-v0"],
                cwd=BASE_DIR,
                env=production_env(current_database_url()),
                check=True,
            )
        lock.truncate(0)
        lock.write(run)


def http_status(url: str, timeout: float = 3) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            http_status(url, timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer within {timeout}s")


@contextmanager
def gunicorn(database_url: str, *, workers: int = 1, log_path=None, **extra_env: str):
    """Yields the base URL of a gunicorn serving RoleFit with production settings.

    Its log goes to `log_path` when given (for tests that read it), else to a temporary file.
    """
    port = free_port()
    env = production_env(database_url, PORT=str(port), WEB_CONCURRENCY=str(workers), **extra_env)
    command = [
        str(GUNICORN), "-c", "rolefit/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}",
        "rolefit.wsgi",
    ]  # fmt: skip
    base_url = f"http://127.0.0.1:{port}"
    # Logs go to a file: a pipe nobody reads would fill up and block the server.
    with open(log_path, "w+b") if log_path else tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            command, cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=log
        )
        try:
            try:
                wait_for(base_url + "/healthz")
            except TimeoutError:
                process.terminate()
                process.wait(timeout=10)
                log.seek(0)
                raise RuntimeError(log.read().decode()[-3000:]) from None
            yield base_url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def raw_exchange(base_url: str, request: bytes, *, half_close=False, timeout=15.0):
    """Sends `request` as is on a new connection; the response's status, headers and body.

    `half_close` ends the sending side after the request, as a client that stops sending.
    """
    host, port = base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        sock.sendall(request)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
        head, _, body = received.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        chunked = headers.get("transfer-encoding") == "chunked"
        length = int(headers.get("content-length", "0"))
        while (b"0\r\n\r\n" not in body) if chunked else (len(body) < length):
            chunk = sock.recv(65536)
            if not chunk:
                break
            body += chunk
        return int(lines[0].split()[1]), headers, dechunked(body) if chunked else body


def dechunked(body: bytes) -> bytes:
    content = b""
    while body:
        size_line, _, rest = body.partition(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            break
        content, body = content + rest[:size], rest[size + 2 :]
    return content


@contextmanager
def served_stack(database_url: str, *, log_path, workers: int = 2, **extra_env: str):
    """Yields the base URL of nginx in front of gunicorn, started as `make serve` starts them."""
    import pytest

    from scripts.serve import ServeError, nginx_program, stack

    try:
        nginx_program()
    except ServeError as missing:
        if os.environ.get("CI"):
            raise
        pytest.skip(str(missing))
    port = free_port()
    env = production_env(database_url, WEB_CONCURRENCY=str(workers), **extra_env)
    with open(log_path, "w+b") as log, stack(port, env=env, listen_host="127.0.0.1", log=log):
        yield f"http://127.0.0.1:{port}"
