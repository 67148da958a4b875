"""rolefit/entry.py: what reaches Django, whatever the server in front let through."""

import io

import pytest

from rolefit.entry import CLIENT_ERROR, GuardedApplication, usable_charset

LIMIT = 1000


def call(headers: dict, body: bytes = b"") -> dict:
    """The environ Django would get for a request with `headers` and `body`."""
    seen = {}

    def application(environ, start_response):
        seen.update(environ, body=environ["wsgi.input"].read())
        return [b""]

    environ = {"REQUEST_METHOD": "POST", "wsgi.input": io.BytesIO(body), **headers}
    GuardedApplication(application, body_limit=LIMIT)(environ, lambda *a: None)
    return seen


@pytest.mark.parametrize("name", ["rot13", "hex", "base64", "zlib", "bz2", "no-such"])
def test_charsets_that_are_no_text_encoding_are_unusable(name):
    assert not usable_charset(name)


@pytest.mark.parametrize("name", ["utf-8", "UTF8", "latin-1", "iso-8859-15"])
def test_text_encodings_are_usable(name):
    assert usable_charset(name)


def test_an_unusable_charset_is_taken_out_and_the_request_marked():
    seen = call({"CONTENT_TYPE": "text/plain; charset=rot13", "QUERY_STRING": "q=x"})
    assert seen["CONTENT_TYPE"] == "text/plain"
    assert seen[CLIENT_ERROR][0] == 400


def test_a_short_body_is_a_400():
    seen = call({"CONTENT_LENGTH": "100"}, b"x=1")
    assert seen[CLIENT_ERROR] == (400, "body shorter than its Content-Length")
    assert seen["CONTENT_LENGTH"] == "0"


def test_a_body_over_the_limit_is_a_413_unread():
    seen = call({"CONTENT_LENGTH": str(LIMIT + 1)}, b"x" * (LIMIT + 1))
    assert seen[CLIENT_ERROR][0] == 413
    assert seen["body"] == b""


def test_a_malformed_content_length_is_a_400():
    assert call({"CONTENT_LENGTH": "12abc"}, b"x")[CLIENT_ERROR][0] == 400


def test_a_chunked_body_arrives_whole_with_its_length():
    seen = call({"HTTP_TRANSFER_ENCODING": "chunked"}, b"a=1&b=2")
    assert seen["body"] == b"a=1&b=2"
    assert seen["CONTENT_LENGTH"] == "7"
    assert "HTTP_TRANSFER_ENCODING" not in seen
    assert CLIENT_ERROR not in seen


def test_a_chunked_body_over_the_limit_is_a_413():
    seen = call({"HTTP_TRANSFER_ENCODING": "chunked"}, b"x" * (LIMIT + 5))
    assert seen[CLIENT_ERROR][0] == 413


def test_an_ordinary_body_passes_unchanged():
    seen = call({"CONTENT_LENGTH": "7", "CONTENT_TYPE": "text/plain; charset=utf-8"}, b"a=1&b=2")
    assert seen["body"] == b"a=1&b=2"
    assert seen["CONTENT_TYPE"] == "text/plain; charset=utf-8"
    assert CLIENT_ERROR not in seen
