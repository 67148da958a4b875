"""Whole-page caching of content pages, invalidated on every content edit, on every worker.

A page is cached under its path and query string together with the *content version*
current when it was rendered. Any content edit (a model save or delete, committed)
replaces the version, so every cached page becomes stale at once for every worker
process and machine sharing the cache (the database's cache table, or Redis). A lookup
fetches the version and the page in one cache round trip (`get_many`): one query with
the database cache.

Views opt in with `@cacheable_page`; only 200 responses that set no cookie are stored,
so pages with a per-visitor part (a CSRF token sets a cookie) are never shared.
"""

import hashlib
import logging
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.http import HttpResponse, HttpResponseNotModified

logger = logging.getLogger("rolefit")

VERSION_KEY = "content-version"
PAGE_KEY_PREFIX = "page:"
# Never looked up: pages with per-visitor parts, or not content at all.
UNCACHED_PATHS = ("/admin/", "/assessment/results/", "/healthz", "/static/")
UNCACHED_EXACT = ("/assessment/",)
STORED_HEADERS = ("Content-Type", "Content-Language", "Link")


def cacheable_page(view):
    """Marks a view's successful responses as shareable between visitors."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.content_cacheable = True
        return response

    return wrapper


def content_version_bump() -> None:
    """Makes every cached page stale, once the current transaction commits."""

    def bump():
        cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)

    transaction.on_commit(bump)


def page_key(request) -> str:
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return PAGE_KEY_PREFIX + digest


def etag_for(version: str, key: str) -> str:
    return '"' + hashlib.sha256(f"{version}:{key}".encode()).hexdigest()[:32] + '"'


def may_use_cache(request) -> bool:
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method in ("GET", "HEAD")
        and not request.path.startswith(UNCACHED_PATHS)
        and request.path not in UNCACHED_EXACT
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_use_cache(request):
            return self.get_response(request)
        key = page_key(request)
        version, entry = self.lookup(key)
        if version is not None and entry is not None and entry["version"] == version:
            return self.cached_response(request, entry, etag_for(version, key))
        response = self.get_response(request)
        if self.should_store(response):
            self.store(key, version, response)
        return response

    def lookup(self, key: str):
        try:
            found = cache.get_many([VERSION_KEY, key])
        except DatabaseError:
            raise  # the database is down: the error handler answers 503
        except Exception:  # a cache server (Redis) outage must not take pages down
            logger.warning("page cache unavailable for lookup", exc_info=True)
            return None, None
        return found.get(VERSION_KEY), found.get(key)

    def should_store(self, response) -> bool:
        return (
            getattr(response, "content_cacheable", False)
            and response.status_code == 200
            and not response.cookies
            and not response.streaming
        )

    def store(self, key: str, version: str | None, response) -> None:
        try:
            if version is None:
                version = uuid.uuid4().hex
                cache.add(VERSION_KEY, version, timeout=None)
                version = cache.get(VERSION_KEY)  # another worker may have won the add
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            headers = {name: response[name] for name in STORED_HEADERS if name in response}
            entry = {"version": version, "content": response.content, "headers": headers}
            cache.set(key, entry)
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
