"""rolefit.caching.database_cache.DatabaseCache: Django's database cache with an atomic incr
and a cull that spares the content version and the rate counters."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from rolefit.caching.database_cache import DatabaseCache

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache():
    # The table `make run` creates, whatever the settings say (REDIS_URL may be set).
    database_cache = DatabaseCache("rolefit_cache", {})
    database_cache.clear()
    return database_cache


def test_it_reads_back_what_was_stored(cache):
    cache.set("page", {"content": b"<html>", "headers": {"Content-Type": "text/html"}})
    assert cache.get("page") == {"content": b"<html>", "headers": {"Content-Type": "text/html"}}


def test_a_missing_key_gives_the_default(cache):
    assert cache.get("never stored") is None
    assert cache.get("never stored", "fallback") == "fallback"


def test_an_expired_key_gives_the_default_and_is_removed(cache):
    cache.set("short-lived", "value", timeout=60)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE rolefit_cache SET expires = %s",
            [timezone.now() - datetime.timedelta(seconds=1)],
        )
    assert cache.get("short-lived") is None
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM rolefit_cache")
        assert cursor.fetchone()[0] == 0


def test_versions_of_a_key_are_kept_apart(cache):
    cache.set("key", "version 1", version=1)
    cache.set("key", "version 2", version=2)
    assert cache.get("key", version=1) == "version 1"
    assert cache.get("key", version=2) == "version 2"
    assert cache.get_many(["key"], version=2) == {"key": "version 2"}


def test_a_cull_keeps_the_rate_counters():
    small = DatabaseCache("rolefit_cache", {"OPTIONS": {"MAX_ENTRIES": 10, "CULL_FREQUENCY": 2}})
    small.clear()
    small.set("rate:assessment:192.0.2.1:1", 3)
    for number in range(60):
        small.set(f"page:junk{number}", "x")
    assert small.get("rate:assessment:192.0.2.1:1") == 3
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM rolefit_cache")
        assert cursor.fetchone()[0] <= 20  # the junk was culled


def test_incr_adds_to_the_stored_number(cache):
    cache.set("counter", 5)
    assert cache.incr("counter") == 6
    assert cache.incr("counter", 10) == 16
    with pytest.raises(ValueError):
        cache.incr("missing")
