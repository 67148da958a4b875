"""The one per-worker memo: values kept in this process, each valid under one content version."""

from collections import OrderedDict
from collections.abc import Callable, Hashable

from django.conf import settings

from rolefit.caching.version import current_content_version


class VersionedMemo:
    """Values derived from content, kept in this worker until the content version changes.

    Least recently used entries go first once `capacity` is reached. A value made under an
    older version is never returned. Values are shared: callers must not change them.
    """

    def __init__(self, capacity: int):
        self.capacity = capacity
        self.entries: OrderedDict[Hashable, tuple[str, object]] = OrderedDict()

    def get(self, key: Hashable, version: str):
        """The value stored under `key` for `version`, or None."""
        found = self.entries.get(key)
        if found is None or found[0] != version:
            return None
        self.entries.move_to_end(key)
        return found[1]

    def put(self, key: Hashable, version: str, value) -> None:
        self.entries[key] = (version, value)
        self.entries.move_to_end(key)
        while len(self.entries) > self.capacity:
            self.entries.popitem(last=False)

    def get_or_compute(self, key: Hashable, compute: Callable[[], object]):
        """The value for `key` under the current content version, computed when missing.

        Off, like the page cache, when PAGE_CACHE is off (development and most tests), so
        template and code edits show at once.
        """
        if not settings.PAGE_CACHE_ENABLED:
            return compute()
        version = current_content_version()
        value = self.get(key, version)
        if value is None:
            value = compute()
            self.put(key, version, value)
        return value
