"""The content version: one token that every cached page and memo is checked against.

Saving or deleting any content row replaces it once the transaction commits, so every
copy made under the old version, in any worker or on any machine sharing the cache, is
stale at once. The version is read once per request (the page cache middleware opens the
scope), however many pieces ask for it.
"""

import uuid
from contextvars import ContextVar

from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import transaction

from rolefit.caching.health import first_query_checks_connection

VERSION_KEY = "content-version"

# The version as this request first read it: one read per request, and one consistent
# view of the content for all of it. A dict, so that a request that edits content sees
# its own new version.
request_version: ContextVar[dict | None] = ContextVar("request_content_version", default=None)


def content_version_bump() -> None:
    """Makes every cached page and memo stale, once the current transaction commits."""

    def bump():
        version = uuid.uuid4().hex
        cache.set(VERSION_KEY, version, timeout=None)
        scope = request_version.get()
        if scope is not None:
            scope["version"] = version

    transaction.on_commit(bump)


def version_lookup() -> str | None:
    """Reads the stored version; with the database cache the read is the health check."""
    if not isinstance(caches["default"], DatabaseCache):
        return cache.get(VERSION_KEY)
    return first_query_checks_connection(lambda: cache.get(VERSION_KEY))


def current_content_version() -> str:
    """The content version now in force, starting one if the cache has none yet."""
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
