"""Headers and bodies that used to break a request get RoleFit's designed 4xx page.

Through the stack `make serve` starts: nginx refuses what it can (bodies too large, too
slow or malformed) with RoleFit's pages rendered as files, Django the rest. Each refusal
carries the request id and the security headers; Django's log one JSON line without a
traceback; neither nginx's nor gunicorn's bare pages ever appear.
"""

import json
import socket
import time
import uuid

import pytest

from scripts.bench import CSRF_TOKEN, assessment_body
from tests.serving import http_status, poll, raw_exchange

# The tests talk to the server only; the mark gives the module's server a test database.
pytestmark = pytest.mark.django_db

UNUSABLE_CHARSETS = ["rot13", "hex", "base64", "zlib", "no-such-charset"]
CLIENT_BODY_TIMEOUT = 10  # seconds, deploy/nginx/nginx.conf.template


def assert_designed_client_error(status: int, headers: dict, body: bytes) -> None:
    assert 400 <= status < 500, status
    assert len(headers["x-request-id"]) == 32
    assert headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" in headers
    assert b"Go to the home page" in body  # RoleFit's error page, not gunicorn's


def get(path: str, *extra_headers: str) -> bytes:
    lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close", *extra_headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def post(path: str, body: bytes, *extra_headers: str, length: int | None = None) -> bytes:
    length = len(body) if length is None else length
    lines = [
        f"POST {path} HTTP/1.1",
        "Host: 127.0.0.1",
        "Connection: close",
        f"Cookie: csrftoken={CSRF_TOKEN}",
        *extra_headers,
    ]
    if length >= 0:
        lines.append(f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def new_log_lines(site, before: int) -> list[dict]:
    """The servers' JSON log lines after the first `before`, once a marker request sent now
    is logged: what the requests before it wrote (each was answered first) is there too."""
    marker = f"/log-marker-{uuid.uuid4().hex}/"
    assert http_status(site + marker) == 404

    def json_lines() -> list[dict]:
        return [json.loads(line) for line in site.log_lines()[before:] if line.startswith("{")]

    poll(
        lambda: any(line.get("path") == marker for line in json_lines()),
        timeout=10,
        message="the marker request's log line",
    )
    return [line for line in json_lines() if line.get("path") != marker]


@pytest.mark.parametrize("charset", UNUSABLE_CHARSETS)
def test_an_unusable_charset_is_a_400_page_on_pages_and_posts(site, charset):
    content_type = f"Content-Type: text/plain; charset={charset}"
    before = len(site.log_lines())
    for request in [
        get("/search/?q=x", content_type),
        post(
            "/assessment/",
            b'--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--\r\n',
            f"Content-Type: multipart/form-data; boundary=b; charset={charset}",
        ),
    ]:
        assert_designed_client_error(*raw_exchange(site, request))
    lines = new_log_lines(site, before)
    assert lines and all("traceback" not in line for line in lines)
    assert all(line["level"] == "WARNING" and line["request_id"] != "-" for line in lines)


def answer_until_closed(site, request: bytes, *, half_close=False) -> tuple[bytes, float]:
    """Everything the server sends on one connection until it closes it, and how long it took."""
    host, port = site.removeprefix("http://").split(":")
    started = time.monotonic()
    received = b""
    with socket.create_connection((host, int(port)), timeout=CLIENT_BODY_TIMEOUT + 10) as sock:
        sock.sendall(request)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        try:
            while chunk := sock.recv(65536):
                received += chunk
        except ConnectionResetError:
            pass
    return received, time.monotonic() - started


def assert_never_reached_django(site, before: int) -> None:
    lines = new_log_lines(site, before)
    assert not [line for line in lines if line.get("path") == "/assessment/"], lines


def test_a_body_shorter_than_announced_never_reaches_a_worker(site):
    before = len(site.log_lines())
    answer, _ = answer_until_closed(
        site, post("/assessment/", b"x=12345678", length=1000), half_close=True
    )
    # nginx drops a client that closed before its body was complete: nothing to answer.
    assert answer == b""
    assert_never_reached_django(site, before)


def test_a_client_that_stops_sending_its_body_is_dropped_after_the_body_timeout(site):
    before = len(site.log_lines())
    answer, waited = answer_until_closed(site, post("/assessment/", b"x=1", length=1000))
    assert answer == b""
    assert CLIENT_BODY_TIMEOUT - 1 < waited < CLIENT_BODY_TIMEOUT + 5
    assert_never_reached_django(site, before)


def test_a_chunked_post_is_read_in_full(site):
    form = assessment_body(site).encode()
    chunks = b"".join(
        f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
        for piece in (form[i : i + 100] for i in range(0, len(form), 100))
    )
    request = post(
        "/assessment/",
        chunks + b"0\r\n\r\n",
        "Transfer-Encoding: chunked",
        "Content-Type: application/x-www-form-urlencoded",
        length=-1,
    )
    status, headers, _ = raw_exchange(site, request)
    assert status == 303  # every answer was read: the result was stored
    assert headers["location"].startswith("/assessment/results/")


@pytest.mark.parametrize("half_close", [False, True], ids=["waits", "closes-its-side"])
def test_a_body_larger_than_allowed_is_refused_unread(site, half_close):
    # A client that closes its side after the headers used to get nginx's own 413 page
    # about half the time (nginx checked the size again on the way to the error page):
    # twelve tries make a pass by luck a 1-in-4,000 event.
    before = len(site.log_lines())
    for _ in range(12):
        request = post("/assessment/", b"", length=10_000_000)
        assert_designed_client_error(*raw_exchange(site, request, half_close=half_close))
    assert_never_reached_django(site, before)


@pytest.mark.parametrize("path", ["/", "/roles/", "/sitemap.xml", "/robots.txt", "/assessment/"])
@pytest.mark.parametrize("method", ["TRACE", "OPTIONS", "PUT", "DELETE", "PATCH"])
def test_unsupported_methods_are_405_on_every_url(site, path, method):
    request = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    status, headers, body = raw_exchange(site, request.encode())
    assert status == 405
    assert headers["allow"] == "GET, HEAD, POST"
    assert_designed_client_error(status, headers, body)
