"""The one per-worker memo: values kept in this process, each valid under one content version."""

from collections import OrderedDict
from collections.abc import Callable, Hashable

from django.conf import settings

from rolefit.caching.private import rendering_privately
from rolefit.caching.version import current_content_version


class VersionedMemo:
    """Values derived from content, kept in this worker until the content version changes.

    Least recently used entries go first once `capacity` is reached, or once the sizes
    given to `put` add up to more than `max_bytes` (when set; a value larger than that is
    not kept). A value made under an older version is never returned. Values are shared:
    callers must not change them.
    """

    def __init__(self, capacity: int, *, max_bytes: int | None = None):
        self.capacity = capacity
        self.max_bytes = max_bytes
        self.entries: OrderedDict[Hashable, tuple[str, object, int]] = OrderedDict()
        self.total_bytes = 0

    def get(self, key: Hashable, version: str):
        """The value stored under `key` for `version`, or None."""
        found = self.entries.get(key)
        if found is None or found[0] != version:
            return None
        self.entries.move_to_end(key)
        return found[1]

    def put(self, key: Hashable, version: str, value, *, size: int = 0) -> None:
        """Keeps `value` for `key` under `version`; `size` counts toward `max_bytes`."""
        self.forget(key)
        if self.max_bytes is not None and size > self.max_bytes:
            return
        self.entries[key] = (version, value, size)
        self.total_bytes += size
        while len(self.entries) > self.capacity or (
            self.max_bytes is not None and self.total_bytes > self.max_bytes
        ):
            self.forget(next(iter(self.entries)))

    def forget(self, key: Hashable) -> None:
        found = self.entries.pop(key, None)
        if found is not None:
            self.total_bytes -= found[2]

    def get_or_compute(self, key: Hashable, compute: Callable[[], object]):
        """The value for `key` under the current content version, computed when missing.

        Off, like the page cache, when PAGE_CACHE is off (development and most tests), so
        template and code edits show at once; off inside `private_rendering()` (a preview
        neither reads nor leaves values here).
        """
        if not settings.PAGE_CACHE_ENABLED or rendering_privately():
            return compute()
        version = current_content_version()
        value = self.get(key, version)
        if value is None:
            value = compute()
            self.put(key, version, value)
        return value
