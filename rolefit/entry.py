"""What stands between gunicorn's gevent worker and Django: the request as Django gets it.

- The whole body is read before Django runs, with a deadline (BODY_READ_SECONDS): a
  visitor who trickles a body, announces more than they send, or sends it chunked holds
  one greenlet, never the application. Django then sees an ordinary in-memory body.
- One request at a time runs the Django application in a worker (a gevent lock), inside
  one shared context: Django's database connection, the per-worker memos and the page
  cache's local copies behave exactly as under a sync worker, while the worker keeps
  accepting, reading and writing every other connection. The lock is released before
  the response is written, so a slow reader holds nothing either.
- A header that would break Django before its error handling (a `charset` that is not a
  text encoding, a malformed Content-Length) is taken out, and the request is marked so
  that `ClientErrorMiddleware` answers with the designed 4xx page.

Measured with `make bench` (docs/performance.md): the lock costs nothing measurable, since
a request's work is CPU and short queries; one database connection per worker stays.
"""

import codecs
import contextvars
import io
import os

from django.http import HttpResponseBase
from django.utils.http import parse_header_parameters

CLIENT_ERROR = "rolefit.client_error"  # environ key: (status, reason) for the middleware
BODY_READ_SECONDS = float(os.environ.get("BODY_READ_SECONDS", "20"))
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
        body = b"" if length == 0 else read_with_deadline(environ["wsgi.input"], length, limit)
    except BodyError as error:
        environ[CLIENT_ERROR] = (error.status, error.reason)
        body = b""
    environ.pop("HTTP_TRANSFER_ENCODING", None)
    environ["wsgi.input"] = io.BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))


def gevent_is_running() -> bool:
    """True in a gunicorn gevent worker (which patches the socket module before serving)."""
    from gevent import monkey

    return monkey.is_module_patched("socket")


def read_with_deadline(stream, length: int | None, limit: int) -> bytes:
    if not gevent_is_running():
        return read_body(stream, length, limit)  # a blocking worker: gunicorn's timeout
    import gevent

    try:
        with gevent.Timeout(BODY_READ_SECONDS):
            return read_body(stream, length, limit)
    except gevent.Timeout:
        raise BodyError(408, "body not received in time") from None


def share_connections() -> None:
    """Lets every greenlet use this context's database connections, one at a time.

    Under gevent each greenlet counts as a thread, and Django refuses a connection made in
    another; the lock guarantees that only one greenlet uses them at any moment.
    """
    from django.db import connections

    for connection in connections.all():
        connection.inc_thread_sharing()


class GuardedApplication:
    """The Django WSGI application behind full-body reads and a per-worker lock."""

    def __init__(self, application, body_limit: int):
        self.application = application
        self.body_limit = body_limit
        # Made in the worker on first use: a lock made in gunicorn's master (before the
        # fork and before gevent's patching) would block the whole worker.
        self.lock = None
        self.context = None

    def __call__(self, environ, start_response):
        buffer_body(environ, self.body_limit)
        if not gevent_is_running():
            # runserver's threads or a sync worker: Django already runs one request per
            # thread, and gevent's lock must not be shared between threads.
            return self.application(environ, start_response)
        if self.lock is None:
            from gevent.lock import Semaphore

            self.lock, self.context = Semaphore(), contextvars.Context()
            self.context.run(share_connections)
        with self.lock:
            response = self.context.run(self.application, environ, start_response)
            if isinstance(response, HttpResponseBase) and not response.streaming:
                # An in-memory page: finished here (closing it ends Django's request).
                content = b"".join(response)
                self.context.run(response.close)
                return [content]
        # A file or stream is written outside the lock; closing it takes the lock again.
        if hasattr(response, "close"):
            response.close = self.locked(response.close)
        return response

    def locked(self, close):
        def close_in_lock():
            with self.lock:
                self.context.run(close)

        return close_in_lock
