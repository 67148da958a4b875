"""A per-client request limit held in the shared cache, so every worker counts together."""

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from rolefit.network import client_address


def limit_exceeded(*, scope: str, client: str, per_minute: int) -> bool:
    """Counts one request by `client` in this minute's window; True once past `per_minute`."""
    window = int(time.time() // 60)
    key = f"rate:{scope}:{client}:{window}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # the counter expired between add and incr
        cache.add(key, 1, timeout=120)
        count = 1
    return count > per_minute


def rate_limited(*, scope: str, limit_setting: str, methods=("POST",)):
    """Answers 429 to a client that sends more than the setting's number of requests a minute."""

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
                response = render(request, "429.html", status=429)
                response["Retry-After"] = "60"
                return response
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
