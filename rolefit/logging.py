"""Structured (one JSON object per line) logging with the request id of the current request."""

import contextvars
import json
import logging

current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar(
    "current_request_id", default="-"
)


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    # Only these request fields are logged: never bodies, answers, cookies or headers.
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            entry["method"] = request.method
            entry["path"] = request.path
        status_code = getattr(record, "status_code", None)
        if status_code is not None:
            entry["status"] = status_code
        if record.exc_info:
            exc_type = record.exc_info[0]
            entry["error"] = exc_type.__name__ if exc_type else None
            # A client's error (a refused Host, a malformed request: status < 500) is one
            # line; only the server's own failures carry their traceback.
            if (
                record.levelno >= logging.ERROR
                and record.exc_info[2] is not None
                and (status_code is None or status_code >= 500)
            ):
                entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry)
