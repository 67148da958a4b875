"""What nginx adds in front of gunicorn: its own answers look and behave like RoleFit's."""

import gzip
import http.client
import re
import socket
import time

import pytest

from scripts.bench import static_css_path
from tests.serving import poll

# The tests talk to the server only; the mark gives the module's server a test database.
pytestmark = pytest.mark.django_db

SECURITY_HEADERS = [
    "content-security-policy",
    "x-content-type-options",
    "x-frame-options",
    "referrer-policy",
    "cross-origin-opener-policy",
    "cross-origin-resource-policy",
]


def exchange(site: str, method: str, path: str, body: bytes | None = None, **headers: str):
    connection = http.client.HTTPConnection(site.removeprefix("http://"), timeout=15)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def test_nginx_error_pages_carry_the_apps_security_headers_and_a_request_id(site):
    _, page_headers, _ = exchange(site, "GET", "/roles/")
    status, headers, body = exchange(
        site, "POST", "/assessment/", b"x" * 300_000, **{"Content-Type": "text/plain"}
    )
    assert status == 413
    assert b"Go to the home page" in body and b"Error 413" in body
    assert {name: headers.get(name) for name in SECURITY_HEADERS} == {
        name: page_headers[name] for name in SECURITY_HEADERS
    }
    assert re.fullmatch("[0-9a-f]{32}", headers["x-request-id"])


def test_django_pages_carry_nginx_request_id_and_nginx_ids_differ(site):
    ids = {exchange(site, "GET", "/healthz")[1]["x-request-id"] for _ in range(3)}
    assert len(ids) == 3 and all(re.fullmatch("[0-9a-f]{32}", i) for i in ids)


def test_hashed_static_files_come_from_nginx_compressed_and_cached_for_a_year(site):
    path = static_css_path(site)
    status, headers, body = exchange(site, "GET", path, **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["content-encoding"] == "gzip"
    assert (
        "immutable" in headers["cache-control"] and "max-age=315360000" in headers["cache-control"]
    )
    assert headers["x-content-type-options"] == "nosniff"
    assert "x-request-id" not in headers  # no worker was involved
    plain_status, plain_headers, plain = exchange(site, "GET", path)
    assert plain_status == 200 and "content-encoding" not in plain_headers
    assert gzip.decompress(body) == plain


def test_an_overlong_request_line_gets_rolefits_414_page_not_gunicorns(site):
    status, headers, body = exchange(site, "GET", "/search/?q=" + "a" * 5000)
    assert status == 414
    assert b"Go to the home page" in body
    assert headers["x-content-type-options"] == "nosniff"


PER_ADDRESS = 100  # requests in progress, deploy/nginx/nginx.conf.template


def stalled_post(site: str) -> socket.socket:
    """A connection whose request is in progress: headers sent, the body never."""
    host, port = site.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=5)
    sock.sendall(
        b"POST /assessment/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n"
    )
    return sock


def test_one_address_gets_a_429_page_past_its_requests_in_progress(site):
    held = []
    try:
        for _ in range(PER_ADDRESS):
            held.append(stalled_post(site))
        statuses = []
        sent_at = [time.monotonic()]

        def limited() -> bool:
            # A byte of body now and then, so that nginx's 10 s body timeout never ends
            # the requests in progress while a loaded machine is slow to count them.
            if time.monotonic() - sent_at[0] > 2:
                for sock in held:
                    sock.sendall(b"x")
                sent_at[0] = time.monotonic()
            statuses.append(exchange(site, "GET", "/healthz")[0])
            return statuses[-1] == 429

        # nginx counts a request once its head is read: wait until all of them are.
        try:
            poll(limited, timeout=30, message="limit")
        except TimeoutError:
            raise AssertionError(f"no 429 in 30 s; /healthz answered {statuses[-10:]}") from None
        status, headers, body = exchange(site, "GET", "/roles/")
        assert status == 429
        assert b"Too many connections from your address" in body
        assert headers["x-content-type-options"] == "nosniff"
    finally:
        for sock in held:
            sock.close()
    # The slots come back (at the latest when nginx's body timeout drops the connections).
    poll(lambda: exchange(site, "GET", "/healthz")[0] == 200, timeout=20, message="slots back")
