import sys
from contextlib import contextmanager

import psycopg.errors
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from rolefit.caching import first_query_checks_connection
from rolefit.caching.shared_cache import SHARED_CACHE


@never_cache
@require_safe
def healthz(request):
    """For load balancers: 200 when the app and its database answer, 503 otherwise.

    The shared cache is reported, not required: without it pages render uncached, so an
    instance whose cache is down stays in the pool (`ok` and a line saying so).
    """
    try:
        first_query_checks_connection(select_one)
    except DatabaseError:
        connection.close()
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    if not cache_answers():
        degraded = "ok\ncache: degraded (unavailable: pages render uncached)"
        return HttpResponse(degraded, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


@contextmanager
def health_query_limit():
    """A transaction whose queries give up after HEALTHZ_QUERY_TIMEOUT_MS, so /healthz
    answers within a second whatever locks the database holds."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('statement_timeout', %s, true)",
            [f"{settings.HEALTHZ_QUERY_TIMEOUT_MS}ms"],
        )
        yield cursor


def select_one() -> None:
    with health_query_limit() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def cache_answers() -> bool:
    """Whether the shared cache answers a read (not asked again within a second of failing)."""

    def probe():
        with health_query_limit():  # the database cache's read is a query
            return cache.get("healthz", "answered")

    return SHARED_CACHE.call(probe, default=None) is not None


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def database_is_unreachable(exception: BaseException | None) -> bool:
    return isinstance(exception, OperationalError | InterfaceError)


def database_timed_out(exception: BaseException | None) -> bool:
    """A query cancelled by the statement or lock time limit (docs/operations.md)."""
    cause = getattr(exception, "__cause__", None)
    return isinstance(cause, psycopg.errors.QueryCanceled | psycopg.errors.LockNotAvailable)


def server_error(request):
    """The 500 page, or the 503 page when PostgreSQL cannot be reached or did not answer
    within the web time limits.

    Django calls this inside its exception handler, wherever the error was raised (a
    view, a middleware, the page cache), so sys.exc_info() names the cause.
    """
    error = sys.exc_info()[1]
    if database_is_unreachable(error):
        context = {"busy": database_timed_out(error)}
        response = render(request, "503.html", context, status=503)
        response["Retry-After"] = "5"
        return response
    return render(request, "500.html", status=500)


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /assessment/results/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
