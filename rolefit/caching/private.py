"""Rendering that no cache may see: a staff member's preview of unpublished content.

Inside `private_rendering()` every per-worker memo computes afresh and keeps nothing, and
the response is marked `Cache-Control: private, no-store`, which the page cache never
stores. The content version does not move: nothing published has changed.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

PRIVATE_CACHE_CONTROL = "private, no-store"

_private: ContextVar[bool] = ContextVar("private_rendering", default=False)


@contextmanager
def private_rendering() -> Iterator[None]:
    token = _private.set(True)
    try:
        yield
    finally:
        _private.reset(token)


def rendering_privately() -> bool:
    return _private.get()


def is_private(response) -> bool:
    """Whether `response` says no shared cache may keep it."""
    control = response.get("Cache-Control", "")
    return "private" in control or "no-store" in control
