"""Whole-page caching of content pages, invalidated on every content edit, on every worker.

A page is cached under its path and query string together with the *content version*
current when it was rendered. Any content edit (a model save or delete, committed)
replaces the version, so every cached page becomes stale at once for every worker
process and machine sharing the cache (the database's cache table, or Redis). A lookup
fetches only the version (a few bytes: one query with the database cache) when this
worker already holds the page in memory, and the page too when it does not.

Only the views named in CACHEABLE_VIEWS are stored, and only their 200 responses that
set no cookie, so a page with a per-visitor part (a CSRF token sets a cookie) is never
shared between visitors.
"""

import functools
import hashlib
import logging
import uuid
from collections import OrderedDict
from contextvars import ContextVar
from pathlib import Path

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import DatabaseError, transaction
from django.http import HttpResponse, HttpResponseNotModified

from rolefit.db import first_query_checks_connection

logger = logging.getLogger("rolefit")

VERSION_KEY = "content-version"
PAGE_KEY_PREFIX = "page:"
# Never looked up: pages with per-visitor parts, or not content at all.
UNCACHED_PATHS = ("/admin/", "/assessment/results/", "/search/", "/healthz", "/static/")
UNCACHED_EXACT = ("/assessment/",)
STORED_HEADERS = ("Content-Type", "Content-Language", "Link")
# Query parameters the cached pages understand; a URL with any other parameter is served
# but not stored, so junk parameters cannot fill the cache (search is not cached at all).
CACHEABLE_QUERY_PARAMETERS = frozenset({"role", "category"})
# The content pages: the same for every visitor, changed only by an editor.
CACHEABLE_VIEWS = frozenset(
    f"careers:{name}"
    for name in (
        "home",
        "role_list",
        "role_detail",
        "compare",
        "tool_list",
        "salary_list",
        "faq_list",
        "faq_detail",
        "source_list",
        "assessment_methodology",
    )
) | {"sitemap"}


# The content version as this request first read it: one read per request, however many
# memos ask, and one consistent view of the content. Set by PageCacheMiddleware.
request_version: ContextVar[dict | None] = ContextVar("request_content_version", default=None)


def content_version_bump() -> None:
    """Makes every cached page stale, once the current transaction commits."""

    def bump():
        version = uuid.uuid4().hex
        cache.set(VERSION_KEY, version, timeout=None)
        scope = request_version.get()
        if scope is not None:
            scope["version"] = version  # the rest of this request sees its own edit

    transaction.on_commit(bump)


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


def cache_uses_this_database() -> bool:
    return isinstance(caches["default"], DatabaseCache)


def version_lookup() -> str | None:
    """Reads the content version, the first query of a cached page.

    With the database cache, that read doubles as the connection health check.
    """
    if not cache_uses_this_database():
        return cache.get(VERSION_KEY)
    return first_query_checks_connection(lambda: cache.get(VERSION_KEY))


def current_content_version() -> str:
    """The content version now in force, starting one if the cache has none yet.

    Read once per request (the first call's answer is kept for the rest of it).
    """
    scope = request_version.get()
    if scope is not None and "version" in scope:
        return scope["version"]
    version = version_lookup()
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)  # another worker may have won the add
    if scope is not None:
        scope["version"] = version
    return version


class ContentMemo:
    """Values derived from content, kept in this worker until the content version changes.

    For work that costs more than the one cache lookup that checks the version (several
    queries, many rows, a big template). Values are shared: callers must not change them.
    Off, like the page cache, when PAGE_CACHE is off (development and most tests).
    """

    def __init__(self, max_entries: int = 100):
        self.max_entries = max_entries
        self.entries: dict[object, tuple[str, object]] = {}

    def get_or_compute(self, key, compute):
        if not settings.PAGE_CACHE_ENABLED:
            return compute()
        version = current_content_version()
        found = self.entries.get(key)
        if found is not None and found[0] == version:
            return found[1]
        value = compute()
        if len(self.entries) >= self.max_entries:
            self.entries.clear()
        self.entries[key] = (version, value)
        return value


def page_key(request) -> str:
    # The host is part of the key: pages carry absolute canonical and Open Graph URLs.
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"{PAGE_KEY_PREFIX}{release_fingerprint()}:{digest}"


def etag_for(version: str, key: str) -> str:
    return '"' + hashlib.sha256(f"{version}:{key}".encode()).hexdigest()[:32] + '"'


def may_use_cache(request) -> bool:
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method in ("GET", "HEAD")
        and not request.path.startswith(UNCACHED_PATHS)
        and request.path not in UNCACHED_EXACT
    )


class LocalPages:
    """This worker's copies of pages it has served, least recently used dropped first.

    Only the small content version is fetched from the shared cache on a hit; a copy
    made under an older version is never served.
    """

    def __init__(self, capacity: int):
        self.capacity = capacity
        self.entries: OrderedDict[str, dict] = OrderedDict()

    def get(self, key: str, version: str) -> dict | None:
        entry = self.entries.get(key)
        if entry is None or entry["version"] != version:
            return None
        self.entries.move_to_end(key)
        return entry

    def put(self, key: str, entry: dict) -> None:
        self.entries[key] = entry
        self.entries.move_to_end(key)
        while len(self.entries) > self.capacity:
            self.entries.popitem(last=False)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.local = LocalPages(capacity=settings.PAGE_CACHE_LOCAL_ENTRIES)

    def __call__(self, request):
        token = request_version.set({})
        try:
            return self.respond(request)
        finally:
            request_version.reset(token)

    def respond(self, request):
        if not may_use_cache(request):
            return self.get_response(request)
        key = page_key(request)
        version, entry = self.lookup(key)
        if entry is not None:
            return self.cached_response(request, entry, etag_for(version, key))
        response = self.get_response(request)
        if self.should_store(request, response):
            self.store(key, version, response)
        return response

    def lookup(self, key: str) -> tuple[str | None, dict | None]:
        """The current content version, and the page stored under it if there is one."""
        try:
            version = current_content_version()
            entry = self.local.get(key, version)
            if entry is None:
                entry = cache.get(key)
                if entry is None or entry["version"] != version:
                    return version, None
                self.local.put(key, entry)
            return version, entry
        except DatabaseError:
            raise  # the database is down: the error handler answers 503
        except Exception:  # a cache server (Redis) outage must not take pages down
            logger.warning("page cache unavailable for lookup", exc_info=True)
            return None, None

    def should_store(self, request, response) -> bool:
        match = request.resolver_match
        return (
            match is not None
            and match.view_name in CACHEABLE_VIEWS
            and set(request.GET) <= CACHEABLE_QUERY_PARAMETERS
            and response.status_code == 200
            and not response.cookies
            and not response.streaming
        )

    def store(self, key: str, version: str | None, response) -> None:
        try:
            if version is None:
                version = current_content_version()
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            headers = {name: response[name] for name in STORED_HEADERS if name in response}
            entry = {"version": version, "content": response.content, "headers": headers}
            cache.set(key, entry)
            self.local.put(key, entry)
        except DatabaseError:
            raise
        except Exception:
            logger.warning("page cache unavailable for store", exc_info=True)
            return
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
