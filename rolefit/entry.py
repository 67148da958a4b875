"""What stands between gunicorn and Django: headers and a body Django can read.

nginx (deploy/nginx/) buffers every request and refuses malformed framing itself; these
checks still hold for whatever reaches gunicorn directly (the bench, a misconfigured
proxy), so that none of it becomes a 500:

- A header that would break Django before its error handling (a `charset` that is not a
  text encoding, a malformed Content-Length) is taken out, and the request is marked so
  that `ClientErrorMiddleware` answers with the designed 4xx page.
- The body is read in full first: a body shorter than announced is a 400, one over
  DATA_UPLOAD_MAX_MEMORY_SIZE a 413 (unread), a chunked one arrives whole with its length.
"""

import codecs
import io

from django.utils.http import parse_header_parameters

CLIENT_ERROR = "rolefit.client_error"  # environ key: (status, reason) for the middleware
READ_CHUNK = 64 * 1024


class BodyError(Exception):
    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


def usable_charset(name: str) -> bool:
    """True for a charset Django can decode bytes with (not rot13, hex, base64, zlib...)."""
    try:
        return codecs.lookup(name)._is_text_encoding
    except LookupError:
        return False


def check_charset(environ) -> None:
    """Removes an unusable charset from Content-Type, so nothing in Django trips on it."""
    content_type = environ.get("CONTENT_TYPE", "")
    if "charset" not in content_type.lower():
        return
    main_type, params = parse_header_parameters(content_type)
    charset = params.get("charset")
    if charset is not None and not usable_charset(charset):
        environ["CONTENT_TYPE"] = main_type
        raise BodyError(400, f"unusable charset {charset[:40]!r}")


def announced_length(environ) -> int | None:
    """The Content-Length, None when the body is chunked; BodyError when it is malformed."""
    if "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
        return None
    text = environ.get("CONTENT_LENGTH", "").strip()
    if not text:
        return 0
    if not text.isdigit():
        environ["CONTENT_LENGTH"] = "0"
        raise BodyError(400, "malformed Content-Length")
    return int(text)


def read_body(stream, length: int | None, limit: int) -> bytes:
    """Reads the body in full (to EOF when chunked); BodyError when short or too large."""
    if length is not None and length > limit:
        raise BodyError(413, "body larger than allowed")
    wanted = limit + 1 if length is None else length
    chunks, received = [], 0
    while received < wanted:
        chunk = stream.read(min(READ_CHUNK, wanted - received))
        if not chunk:
            break
        chunks.append(chunk)
        received += len(chunk)
    body = b"".join(chunks)
    if length is None and len(body) > limit:
        raise BodyError(413, "body larger than allowed")
    if length is not None and len(body) < length:
        raise BodyError(400, "body shorter than its Content-Length")
    return body


def buffer_body(environ, limit: int) -> None:
    """Replaces wsgi.input by the body read in full, or marks the request as a client error."""
    try:
        check_charset(environ)
        length = announced_length(environ)
        body = b"" if length == 0 else read_body(environ["wsgi.input"], length, limit)
    except BodyError as error:
        environ[CLIENT_ERROR] = (error.status, error.reason)
        body = b""
    environ.pop("HTTP_TRANSFER_ENCODING", None)
    environ["wsgi.input"] = io.BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))


class GuardedApplication:
    """The Django WSGI application, given only requests whose headers and body it can read."""

    def __init__(self, application, body_limit: int):
        self.application = application
        self.body_limit = body_limit

    def __call__(self, environ, start_response):
        buffer_body(environ, self.body_limit)
        return self.application(environ, start_response)
