from django.conf import settings
from django.core.exceptions import DisallowedHost


def site(request):
    return {"site_name": settings.SITE_NAME, "page_url": page_url(request)}


def page_url(request) -> str:
    """The absolute URL of this page, for canonical and Open Graph links.

    Error pages render for requests whose Host header was refused; they get the bare path.
    """
    try:
        return request.build_absolute_uri(request.path)
    except DisallowedHost:
        return request.path
