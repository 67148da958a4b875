"""A redis-server of the test session's own, on a free port: tests stop, pause and start
it at will, and never touch (or flush) a Redis the machine runs for anything else."""

import shutil
import signal
import socket
import subprocess

import pytest

from tests.helpers import in_ci
from tests.serving import free_port, poll

REDIS_SERVER = "redis-server"


class RedisServer:
    def __init__(self, port: int):
        self.port = port
        self.process: subprocess.Popen | None = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--logfile", ""],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        poll(self.answers, timeout=10, message=f"redis-server on port {self.port}")

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        """Stops the server; its data goes with it (it saves nothing)."""
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def pause(self) -> None:
        """Freezes the server, data kept: clients time out, as with a hung Redis."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)
        poll(self.answers, timeout=10, message="redis-server resumed")

    def flush(self) -> None:
        import redis

        redis.Redis.from_url(self.url()).flushall()


@pytest.fixture(scope="session")
def redis_session_server():
    if shutil.which(REDIS_SERVER) is None:
        message = f"{REDIS_SERVER} is not installed (scripts/install-system-packages redis-server)"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    server = RedisServer(free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_server(redis_session_server):
    """The session's redis-server, running and empty (a test before may have stopped it)."""
    if redis_session_server.process is None:
        redis_session_server.start()
    elif not redis_session_server.answers():
        redis_session_server.resume()
    redis_session_server.flush()
    return redis_session_server
