from django.conf import settings


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
