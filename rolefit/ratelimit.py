"""A per-client request limit held in the shared cache, so every worker and machine counts together.

Counting is atomic on both caches: Redis increments in the server, the database cache
under a PostgreSQL advisory lock (rolefit.caching.database_cache). A refused request is
told how long is left of the minute, and the view can answer with the visitor's input
kept (`refused` renders the page that was sent). The client is counted by the address
`client_address` gives, which the admin's login lockout (django-axes) uses too.

When the cache fails the limit fails open: the request goes through, and the process
logs one line for the outage (rolefit.caching.shared_cache).
"""

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from rolefit.caching.shared_cache import SHARED_CACHE

WINDOW_SECONDS = 60


def client_address(request) -> str:
    """The visitor's IP address: REMOTE_ADDR, or the proxy-appended X-Forwarded-For entry.

    With DJANGO_PROXY_COUNT=N (N trusted proxies in front of gunicorn), the address is the
    Nth entry from the right of X-Forwarded-For: entries further left are client-supplied
    and could be forged to dodge the lockout and rate limit.
    """
    proxies = settings.PROXY_COUNT
    if proxies:
        header = request.META.get("HTTP_X_FORWARDED_FOR", "")
        forwarded = [part.strip() for part in header.split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def count_request(*, scope: str, client: str, now: float | None = None) -> int:
    """Counts one request by `client` in the current window; the window's count so far."""
    window = int((time.time() if now is None else now) // WINDOW_SECONDS)
    key = f"rate:{scope}:{client}:{window}"
    cache.add(key, 0, timeout=2 * WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr: the window has just begun
        cache.add(key, 0, timeout=2 * WINDOW_SECONDS)
        return cache.incr(key)


def seconds_left_in_window(now: float | None = None) -> int:
    now = time.time() if now is None else now
    return max(1, WINDOW_SECONDS - int(now % WINDOW_SECONDS))


def limit_exceeded(*, scope: str, client: str, per_minute: int) -> bool:
    """Counts one request by `client` in this minute's window; True once past `per_minute`
    (never while the cache cannot count)."""
    count = SHARED_CACHE.call(lambda: count_request(scope=scope, client=client), default=0)
    return count > per_minute


def too_many_requests(request, *args, **kwargs):
    """The plain 429 page, for views that have no form to show again."""
    return render(request, "429.html", status=429)


def rate_limited(*, scope: str, limit_setting: str, methods=("POST",), refused=None):
    """Answers 429 to a client that sends more than the setting's number of requests a minute.

    `refused(request, *args, **kwargs)` makes the 429 response (the plain page by default);
    the decorator sets its status and Retry-After (what is left of the minute).
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            per_minute = getattr(settings, limit_setting)
            if (
                request.method in methods
                and per_minute > 0
                and limit_exceeded(
                    scope=scope, client=client_address(request), per_minute=per_minute
                )
            ):
                response = (refused or too_many_requests)(request, *args, **kwargs)
                response.status_code = 429
                response["Retry-After"] = str(seconds_left_in_window())
                return response
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
