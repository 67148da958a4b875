import uuid

from rolefit.logging import current_request_id
from rolefit.views import healthz


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
        request.id = uuid.uuid4().hex
        # Left set after the response: Django logs error responses after the middleware
        # chain returns, and those lines must carry the id too. The next request replaces it.
        current_request_id.set(request.id)
        response = self.get_response(request)
        response["X-Request-ID"] = request.id
        return response
