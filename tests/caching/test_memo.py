"""rolefit.caching.memo.VersionedMemo: the one per-worker memo."""

import pytest

from careers.models import Role
from rolefit.caching import VersionedMemo


def test_a_value_is_only_returned_under_the_version_it_was_made_under():
    memo = VersionedMemo(capacity=4)
    memo.put("page", "v1", "made under v1")
    assert memo.get("page", "v1") == "made under v1"
    assert memo.get("page", "v2") is None


def test_the_least_recently_used_entry_goes_first():
    memo = VersionedMemo(capacity=2)
    memo.put("a", "v", 1)
    memo.put("b", "v", 2)
    memo.get("a", "v")  # "a" is now the most recently used
    memo.put("c", "v", 3)
    assert memo.get("b", "v") is None
    assert memo.get("a", "v") == 1
    assert memo.get("c", "v") == 3


def test_entries_go_once_their_sizes_pass_the_byte_budget():
    memo = VersionedMemo(capacity=10, max_bytes=100)
    memo.put("a", "v", "page a", size=60)
    memo.put("b", "v", "page b", size=30)
    memo.put("c", "v", "page c", size=30)  # 120 bytes: the oldest goes
    assert memo.get("a", "v") is None
    assert (memo.get("b", "v"), memo.get("c", "v")) == ("page b", "page c")
    memo.put("b", "v", "page b again", size=30)  # replacing counts once
    assert memo.total_bytes == 60


def test_a_value_larger_than_the_byte_budget_is_not_kept_and_evicts_nothing():
    memo = VersionedMemo(capacity=10, max_bytes=100)
    memo.put("small", "v", "kept", size=10)
    memo.put("huge", "v", "too large", size=101)
    assert memo.get("huge", "v") is None
    assert memo.get("small", "v") == "kept"


@pytest.mark.django_db
def test_get_or_compute_computes_again_once_the_content_version_moves(settings, seeded):
    settings.PAGE_CACHE_ENABLED = True
    memo, calls = VersionedMemo(capacity=4), []

    def compute():
        calls.append(1)
        return len(calls)

    assert memo.get_or_compute("key", compute) == 1
    assert memo.get_or_compute("key", compute) == 1
    # Any write to a content table moves it, even one no Django signal hears of.
    Role.objects.filter(slug="ai-architect").update(tagline="An edit moves the version")
    assert memo.get_or_compute("key", compute) == 2


@pytest.mark.django_db
def test_get_or_compute_always_computes_while_the_page_cache_is_off(settings):
    settings.PAGE_CACHE_ENABLED = False
    memo, calls = VersionedMemo(capacity=4), []
    for _ in range(3):
        memo.get_or_compute("key", lambda: calls.append(1))
    assert len(calls) == 3
