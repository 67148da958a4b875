import logging
import uuid

from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.template.response import TemplateResponse

from rolefit.logging import current_request_id

logger = logging.getLogger("rolefit")


class RequestIdMiddleware:
    """Tags the request (and every log line it causes) with an id, echoed as X-Request-ID."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = uuid.uuid4().hex
        token = current_request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response["X-Request-ID"] = request.id
        return response


def database_is_unreachable(exception: Exception) -> bool:
    return isinstance(exception, OperationalError | InterfaceError) or (
        isinstance(exception, DatabaseError) and "connection" in str(exception).lower()
    )


class DatabaseUnavailableMiddleware:
    """Answers a designed 503 page, not a 500, while PostgreSQL cannot be reached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        except DatabaseError as exc:
            if not database_is_unreachable(exc):
                raise
            return self.unavailable(request, exc)

    def process_exception(self, request, exception):
        if database_is_unreachable(exception):
            return self.unavailable(request, exception)
        return None

    def unavailable(self, request, exception):
        logger.error(
            "database unavailable",
            extra={"request": request, "status_code": 503},
            exc_info=(type(exception), exception, None),
        )
        # Drop the broken connection now so the next request reconnects.
        for connection in connections.all(initialized_only=True):
            connection.close_if_unusable_or_obsolete()
        response = TemplateResponse(request, "503.html", status=503)
        response["Retry-After"] = "5"
        response["Cache-Control"] = "no-store"
        return response.render()
