"""Slow, idle and garbage-sending clients hold an nginx connection each, never the site.

Against the stack `make serve` starts: nginx buffers whole requests before gunicorn's
workers see them, so these clients cost nginx a connection and gunicorn nothing.
"""

import resource
import socket
import threading
import time
import urllib.request

import pytest

# The tests talk to the server only; the mark gives the module's server a test database.
pytestmark = pytest.mark.django_db

TRICKLING_HEADERS = 50
TRICKLING_BODIES = 50
IDLE = 5000
GARBAGE = 50
PAGES = ["/healthz", "/", "/roles/ai-architect/", "/assessment/"]
WITHIN_SECONDS = 1.0
WATCHED_SECONDS = 8
# Between rounds of pages: a few visitors a second, enough to see every second of the run.
VISITOR_PAUSE = 0.2
# A TLS 1.2 ClientHello's first bytes, and bytes that are no HTTP at all.
TLS_HELLO = bytes.fromhex("16030100a5010000a10303") + bytes(range(32)) + b"\x00\x00\x02\x00\x2f"
BINARY = bytes(range(256)) * 4


def timed_get(url: str) -> float:
    started = time.monotonic()
    with urllib.request.urlopen(url, timeout=10) as response:
        response.read()
        assert response.status == 200
    return time.monotonic() - started


def connect(base_url: str) -> socket.socket:
    host, port = base_url.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=5)


class Trickler(threading.Thread):
    """Sends one more byte on every slow connection each second until stopped."""

    def __init__(self, streams: list[tuple[socket.socket, bytes]]):
        super().__init__(daemon=True)
        self.streams = [[sock, data] for sock, data in streams]
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.wait(1.0):
            for stream in self.streams:
                sock, data = stream
                if data:
                    try:
                        sock.send(data[:1])
                    except OSError:
                        continue
                    stream[1] = data[1:]


def slow_header_request() -> bytes:
    # A header line every few seconds, never the blank line that ends the headers.
    return b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X-Slow: a\r\n" * 100


def slow_body_head() -> bytes:
    return (
        b"POST /assessment/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: 1000\r\n\r\n"
    )


@pytest.fixture
def many_open_files():
    """Enough file descriptors for thousands of client sockets in this process."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = IDLE + 1000
    if hard != resource.RLIM_INFINITY and hard < wanted:
        pytest.skip(f"the open-file limit ({hard}) is below the {wanted} this test needs")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, wanted), hard))
    yield
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_pages_answer_within_a_second_while_slow_idle_and_garbage_clients_hold_connections(
    site, many_open_files
):
    for path in PAGES:  # warm up: workers started, pages cached
        timed_get(site + path)
    sockets = []
    try:
        slow = []
        for _ in range(TRICKLING_HEADERS):
            sockets.append(connect(site))
            slow.append((sockets[-1], slow_header_request()))
        for _ in range(TRICKLING_BODIES):
            sockets.append(connect(site))
            sockets[-1].sendall(slow_body_head())
            slow.append((sockets[-1], b"x=" + b"1" * 998))
        for number in range(GARBAGE):
            sockets.append(connect(site))
            garbage = TLS_HELLO if number % 2 else BINARY
            sockets[-1].sendall(garbage[:64])
            slow.append((sockets[-1], garbage[64:]))
        for _ in range(IDLE):
            sockets.append(connect(site))  # connected, and never a byte sent
        trickler = Trickler(slow)
        trickler.start()
        timings = {}
        deadline = time.monotonic() + WATCHED_SECONDS
        while time.monotonic() < deadline:
            for path in PAGES:
                timings.setdefault(path, []).append(timed_get(site + path))
            time.sleep(VISITOR_PAUSE)
        trickler.stopped.set()
        slowest = {path: max(times) for path, times in timings.items()}
        assert all(seconds < WITHIN_SECONDS for seconds in slowest.values()), slowest
        assert all(len(times) >= WATCHED_SECONDS for times in timings.values()), timings
    finally:
        for sock in sockets:
            sock.close()


def test_a_client_sending_garbage_gets_the_designed_400_page(site):
    for garbage in (TLS_HELLO, BINARY):
        with connect(site) as sock:
            sock.sendall(garbage)
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 400"), answer[:80]
        assert b"Go to the home page" in answer  # RoleFit's page, not nginx's
