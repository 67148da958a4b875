"""The shared cache (Redis, or the database's cache table) as something the site can lose.

Every use of it goes through `SHARED_CACHE.call`: when the cache fails, the caller gets
its default (a page renders uncached, a rate limit lets the request through) and the
process leaves the cache alone for a second before trying again, so an outage costs
requests no time. One log line when it goes and one when it is back, per process.
Nothing is lost with it: the content version lives in PostgreSQL, so pages the cache
kept from before an edit are never served again when it returns.
"""

import logging
import time
from collections.abc import Callable

logger = logging.getLogger("rolefit")

RETRY_SECONDS = 1.0


class SharedCache:
    def __init__(self):
        self.unavailable = False
        self.next_try = 0.0

    def call[T](self, operation: Callable[[], T], *, default: T) -> T:
        """`operation()`, or `default` when the cache fails (or failed within a second)."""
        if self.unavailable and time.monotonic() < self.next_try:
            return default
        try:
            result = operation()
        except Exception as error:
            self.failed(error)
            return default
        if self.unavailable:
            self.unavailable = False
            logger.info("shared cache available again")
        return result

    def failed(self, error: Exception) -> None:
        self.next_try = time.monotonic() + RETRY_SECONDS
        if not self.unavailable:
            self.unavailable = True
            logger.warning(
                "shared cache unavailable, pages render uncached and rate limits are not "
                "enforced until it answers: %s: %s",
                type(error).__name__,
                str(error).splitlines()[0] if str(error) else "",
            )


SHARED_CACHE = SharedCache()
