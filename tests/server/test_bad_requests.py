"""Headers and bodies that used to break a request get Django's designed 4xx page.

Each refusal carries the request id and the security headers, and logs one JSON line
without a traceback; gunicorn's bare 500 page never appears.
"""

import json
import time

import pytest

from scripts.bench import CSRF_TOKEN, assessment_body, static_css_path
from tests.server.conftest import BODY_READ_SECONDS
from tests.serving import raw_exchange

# The tests talk to the server only; the mark gives the module's server a test database.
pytestmark = pytest.mark.django_db

UNUSABLE_CHARSETS = ["rot13", "hex", "base64", "zlib", "no-such-charset"]


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
    time.sleep(0.3)  # the log is written by another process
    return [json.loads(line) for line in site.log_lines()[before:] if line.startswith("{")]


@pytest.mark.parametrize("charset", UNUSABLE_CHARSETS)
def test_an_unusable_charset_is_a_400_page_on_pages_static_files_and_posts(site, charset):
    content_type = f"Content-Type: text/plain; charset={charset}"
    before = len(site.log_lines())
    for request in [
        get("/search/?q=x", content_type),
        get(static_css_path(site) + "?v=1", content_type),
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


def test_a_body_shorter_than_announced_is_a_400_not_a_killed_worker(site):
    status, headers, body = raw_exchange(
        site, post("/assessment/", b"x=12345678", length=1000), half_close=True
    )
    assert status == 400
    assert_designed_client_error(status, headers, body)
    assert b"Internal Server Error" not in body


def test_a_client_that_stops_sending_its_body_gets_408_after_the_deadline(site):
    started = time.monotonic()
    status, headers, body = raw_exchange(site, post("/assessment/", b"x=1", length=1000))
    waited = time.monotonic() - started
    assert status == 408
    assert_designed_client_error(status, headers, body)
    assert float(BODY_READ_SECONDS) - 1 < waited < float(BODY_READ_SECONDS) + 10


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


def test_a_body_larger_than_allowed_is_refused_unread(site):
    request = post("/assessment/", b"", length=10_000_000)
    assert_designed_client_error(*raw_exchange(site, request, half_close=True))


@pytest.mark.parametrize("path", ["/", "/roles/", "/sitemap.xml", "/robots.txt", "/assessment/"])
@pytest.mark.parametrize("method", ["TRACE", "OPTIONS", "PUT", "DELETE", "PATCH"])
def test_unsupported_methods_are_405_on_every_url(site, path, method):
    request = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    status, headers, body = raw_exchange(site, request.encode())
    assert status == 405
    assert headers["allow"] == "GET, HEAD, POST"
    assert_designed_client_error(status, headers, body)
