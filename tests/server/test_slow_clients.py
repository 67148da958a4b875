"""Slow and idle clients hold a connection each, never the site (gevent workers)."""

import socket
import threading
import time
import urllib.request

import pytest

# The tests talk to the server only; the mark gives the module's server a test database.
pytestmark = pytest.mark.django_db

TRICKLING_HEADERS = 50
TRICKLING_BODIES = 50
IDLE = 300
PAGES = ["/healthz", "/", "/roles/", "/tools/?role=ai-architect", "/assessment/"]


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


def slow_body_request() -> bytes:
    return b"x=" + b"1" * 998  # the body, trickled after headers announcing 1000 bytes


def test_pages_answer_within_a_second_while_slow_and_idle_clients_hold_connections(site):
    for path in PAGES:  # warm up: workers started, pages cached
        timed_get(site + path)
    sockets = []
    try:
        slow = []
        for _ in range(TRICKLING_HEADERS):
            sock = connect(site)
            sockets.append(sock)
            slow.append((sock, slow_header_request()))
        for _ in range(TRICKLING_BODIES):
            sock = connect(site)
            sockets.append(sock)
            sock.sendall(
                b"POST /assessment/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                b"Content-Length: 1000\r\n\r\n"
            )
            slow.append((sock, slow_body_request()))
        for _ in range(IDLE):
            sockets.append(connect(site))  # connected, and never a byte sent
        trickler = Trickler(slow)
        trickler.start()
        time.sleep(2)  # every connection accepted and waiting on the server
        timings = {}
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline:
            for path in PAGES:
                timings.setdefault(path, []).append(timed_get(site + path))
        trickler.stopped.set()
        slowest = {path: max(times) for path, times in timings.items()}
        assert all(seconds < 1.0 for seconds in slowest.values()), slowest
    finally:
        for sock in sockets:
            sock.close()
