"""Pages shared between visitors: whole-page caching of the views that declare themselves
shared (`shared_page`), and form pages rendered once with each visitor's own fields
written in (`shared_form_page`, see below).

A page is stored in the shared cache (the database's cache table, or Redis) under
everything that changes it: the scheme and host (pages carry absolute canonical and Open
Graph links), the path and query string, and the release; together with the content
version current when it was rendered. Each worker also keeps the pages it served in a
`VersionedMemo` (500 pages and 16 MiB at most, so large content cannot grow the workers).
A hit costs no query while the worker's version listener is connected (one read of the
version otherwise), and skips sessions, CSRF, auth and the view. When the shared cache
fails, pages render uncached (rolefit.caching.shared_cache).

Nobody outside can fill it: a page is stored only for a host named in ALLOWED_HOSTS
(`rolefit.middleware.CanonicalHostMiddleware` has already dropped ports that are not the
server's), with the view's declared parameters each given once; views answer unknown
values with 404, which is never stored.
"""

import functools
import hashlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.http.request import split_domain_port
from django.middleware.csrf import get_token
from django.urls import Resolver404, resolve
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from rolefit.caching.memo import VersionedMemo
from rolefit.caching.private import is_private
from rolefit.caching.shared_cache import SHARED_CACHE
from rolefit.caching.version import current_content_version, request_version

PAGE_KEY_PREFIX = "page:"
STORED_HEADERS = ("Content-Type", "Content-Language", "Link")
SHARED_PAGE_ATTRIBUTE = "shared_page_parameters"


def shared_page(view=None, *, query_parameters: Iterable[str] = ()):
    """Declares a view's 200 responses the same for every visitor until content changes.

    The page cache stores such a page only when the request carries no query parameter
    other than `query_parameters`, so junk parameters cannot fill the cache. Works on
    function views and on class-based views (decorate the class).
    """

    def declare(target):
        if not isinstance(target, type):
            target = _wrapped(target)
        setattr(target, SHARED_PAGE_ATTRIBUTE, frozenset(query_parameters))
        return target

    return declare(view) if view is not None else declare


def _wrapped(view):
    # Marks a wrapper, so that declaring a library's view (the sitemap) changes nothing
    # for other users of that function.
    @functools.wraps(view)
    def shared_view(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    return shared_view


def shared_page_parameters(request) -> frozenset[str] | None:
    """The query parameters of the shared view this request goes to; None if not shared."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    view = getattr(match.func, "view_class", match.func)
    return getattr(view, SHARED_PAGE_ATTRIBUTE, None)


@functools.cache
def release_fingerprint() -> str:
    """A hash of this release's templates and static file manifest.

    Part of every page key: a deploy that changes a template or a static file's hashed
    name must not serve pages rendered by the previous release from the shared cache.
    """
    digest = hashlib.sha256()
    template_dirs = [Path(d) for t in settings.TEMPLATES for d in t.get("DIRS", [])]
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    files = sorted(path for d in template_dirs for path in d.rglob("*") if path.is_file())
    for path in [*files, manifest]:
        if path.is_file():
            digest.update(str(path).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def page_key(request) -> str:
    # The scheme and host are part of the key: pages carry absolute canonical and Open
    # Graph URLs, and a trusted proxy's X-Forwarded-Proto makes them https ones.
    address = request.build_absolute_uri()
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"{PAGE_KEY_PREFIX}{release_fingerprint()}:{digest}"


def is_configured_host(request) -> bool:
    """True when the host is named in ALLOWED_HOSTS as such (not through a wildcard)."""
    name, _ = split_domain_port(request.get_host())
    return name in {host.lower() for host in settings.ALLOWED_HOSTS}


def etag_for(version: str, key: str) -> str:
    return '"' + hashlib.sha256(f"{version}:{key}".encode()).hexdigest()[:32] + '"'


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.local = VersionedMemo(
            capacity=settings.PAGE_CACHE_LOCAL_ENTRIES, max_bytes=settings.PAGE_CACHE_LOCAL_BYTES
        )

    def __call__(self, request):
        token = request_version.set({})
        try:
            return self.respond(request)
        finally:
            request_version.reset(token)

    def respond(self, request):
        if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        parameters = shared_page_parameters(request)
        if parameters is None:
            return self.get_response(request)
        key = page_key(request)
        version, entry = self.lookup(key)
        if entry is not None:
            return self.cached_response(request, entry, etag_for(version, key))
        response = self.get_response(request)
        if self.should_store(request, response, parameters):
            self.store(key, version, response)
        return response

    def lookup(self, key: str) -> tuple[str, dict | None]:
        """The current content version, and the page stored under it if there is one.

        The version comes from PostgreSQL (when it is down, the error handler answers
        503); a shared cache that fails is only a miss.
        """
        version = current_content_version()
        entry = self.local.get(key, version)
        if entry is None:
            entry = SHARED_CACHE.call(lambda: cache.get(key), default=None)
            if entry is None or entry["version"] != version:
                return version, None
            self.local.put(key, version, entry, size=len(entry["content"]))
        return version, entry

    def should_store(self, request, response, parameters: frozenset[str]) -> bool:
        """Only pages a visitor could reach by links: a configured host, known parameters,
        each given once (a view answers unknown values with 404, which is not stored)."""
        return (
            set(request.GET) <= parameters
            and all(len(values) == 1 for _, values in request.GET.lists())
            and is_configured_host(request)
            and response.status_code == 200
            and not response.cookies
            and not response.streaming
            and not is_private(response)
        )

    def store(self, key: str, version: str, response) -> None:
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        headers = {name: response[name] for name in STORED_HEADERS if name in response}
        entry = {"version": version, "content": response.content, "headers": headers}
        SHARED_CACHE.call(lambda: cache.set(key, entry), default=None)
        self.local.put(key, version, entry, size=len(entry["content"]))
        response["ETag"] = etag_for(version, key)
        response["Cache-Control"] = "no-cache"

    def cached_response(self, request, entry, etag: str):
        if request.headers.get("If-None-Match") == etag:
            response = HttpResponseNotModified()
        else:
            response = HttpResponse(entry["content"])
            for name, value in entry["headers"].items():
                response[name] = value
        response["ETag"] = etag
        # Browsers revalidate every time, so an edit shows on the very next request.
        response["Cache-Control"] = "no-cache"
        response["X-Page-Cache"] = "hit"
        return response


# --- Shared form pages -------------------------------------------------------------------
# A form page that is the same for every visitor but for its CSRF token (and any other
# field of the visitor's own, such as a time stamp).
#
# Rendered once per worker, content version, scheme and host with a placeholder where each such
# field goes; each visitor's copy gets their own fields written in. The only place in
# RoleFit that edits rendered HTML.

CSRF_PLACEHOLDER = mark_safe("<!-- csrf-token -->")
SHARED_FORMS = VersionedMemo(capacity=20)


def shared_form_page(
    request,
    *,
    name: str,
    render: Callable[[SafeString], str],
    visitor_fields: Mapping[SafeString, str] | None = None,
) -> str:
    """The page `render(csrf_placeholder)` draws, with this visitor's CSRF token in it.

    `render` must put the placeholder where `{% csrf_token %}` would go, and each key of
    `visitor_fields` where that field goes (the value is this visitor's HTML for it). It
    must not depend on anything else of the visitor's (no messages, no user).
    """
    html = SHARED_FORMS.get_or_compute(
        (name, request.scheme, request.get_host()), lambda: render(CSRF_PLACEHOLDER)
    )
    token = format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
    )
    for placeholder, field in {CSRF_PLACEHOLDER: token, **(visitor_fields or {})}.items():
        html = html.replace(placeholder, field)
    return html
