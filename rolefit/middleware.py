import logging
import re
import uuid

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db.backends.signals import connection_created
from django.http.request import split_domain_port
from django.shortcuts import render
from django.utils.log import log_response

from rolefit.entry import CLIENT_ERROR
from rolefit.logging import current_request_id
from rolefit.views import healthz

logger = logging.getLogger("rolefit")
REQUEST_ID = re.compile("[0-9a-f]{32}")


class WebQueryTimeLimitsMiddleware:
    """Gives every database connection a process serving requests opens the web time limits.

    Only request handlers (gunicorn's, runserver's, the test client's) load middleware, so
    management commands and migrations keep PostgreSQL's defaults (no limit). Costs one
    round trip per new connection, none per request: it leaves the chain once set up.
    """

    def __init__(self, get_response):
        connection_created.connect(web_query_time_limits, dispatch_uid="web_query_time_limits")
        raise MiddlewareNotUsed


def web_query_time_limits(sender, connection, **kwargs) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('statement_timeout', %s, false),"
            " set_config('lock_timeout', %s, false)",
            [
                f"{settings.DATABASE_STATEMENT_TIMEOUT_MS}ms",
                f"{settings.DATABASE_LOCK_TIMEOUT_MS}ms",
            ],
        )


class HealthCheckMiddleware:
    """Answers /healthz before host validation and the HTTPS redirect.

    Load balancers and Docker probe by IP address over plain HTTP; neither is an
    allowed host nor HTTPS, yet both must get the real answer.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return healthz(request)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers Django does not set itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class RequestIdMiddleware:
    """Tags the request (and every log line it causes) with an id, echoed as X-Request-ID."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # nginx's id for the request, so its log and ours name it alike; anything else
        # a client sends is replaced.
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        request.id = given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        # Left set after the response: Django logs error responses after the middleware
        # chain returns, and those lines must carry the id too. The next request replaces it.
        current_request_id.set(request.id)
        response = self.get_response(request)
        response["X-Request-ID"] = request.id
        return response


ALLOWED_METHODS = ("GET", "HEAD", "POST")


class ClientErrorMiddleware:
    """The designed 4xx page for requests refused before Django could read them.

    - a body or header the WSGI entry refused (rolefit/entry.py): short, slow, too large,
      or a charset that is no text encoding;
    - a method no page supports (TRACE, OPTIONS, PUT...): 405 on every URL alike;
    - a parameter holding text PostgreSQL cannot store (see `UNSTORABLE`): 400.
    One warning line each (no traceback): a client cannot make the log grow faster than
    its requests.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refused = request.META.get(CLIENT_ERROR)
        if refused is not None:
            status, reason = refused
            return client_error(request, status, reason)
        if has_character(request.GET, UNSTORABLE):
            return client_error(request, 400, "NUL or lone surrogate in the query string")
        if request.method == "POST" and has_character(request.POST, LONE_SURROGATE):
            return client_error(request, 400, "lone surrogate in the form data")
        if request.method not in ALLOWED_METHODS:
            response = client_error(request, 405, "method not allowed")
            response["Allow"] = ", ".join(ALLOWED_METHODS)
            return response
        return self.get_response(request)


def client_error(request, status: int, reason: str):
    response = render(request, "400.html", {"status": status}, status=status)
    if status == 408:
        response["Connection"] = "close"
    # Marks the response logged, so Django's own "Bad Request" line does not follow it.
    log_response("client error: %s", reason, response=response, request=request, logger=logger)
    return response


# Text PostgreSQL refuses: NUL, and half of a UTF-16 surrogate pair on its own, which only
# an exotic charset (UTF-7, unicode_escape) decodes to: no browser sends one. Forms refuse
# NUL in a body themselves, with a field error, so bodies are checked for surrogates only.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def has_character(parameters, pattern: re.Pattern) -> bool:
    """True when a parameter's name or one of its values holds a character `pattern` finds."""
    return any(
        pattern.search(name) or any(pattern.search(value) for value in values)
        for name, values in parameters.lists()
    )


class CanonicalHostMiddleware:
    """Drops a Host port that is not the server's own, and lowercases the name.

    ALLOWED_HOSTS ignores ports, so `localhost:<any digits>` would otherwise be one more
    page-cache key and one more canonical URL per port. Behind a proxy the port the
    visitor used is not the server's either, and the proxy's Host carries none.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        host = request.META.get("HTTP_HOST")
        if host:
            request.META["HTTP_HOST"] = canonical_host(host, request.META.get("SERVER_PORT", ""))
        return self.get_response(request)


def canonical_host(host: str, server_port: str) -> str:
    name, port = split_domain_port(host.lower())
    if not name:
        return host  # malformed: left for Django to refuse
    return f"{name}:{port}" if port and port == server_port else name
