from django.core.cache.backends import db
from django.db import connections, router, transaction

# Keys a cull must never delete: the rate-limit counters (losing one lets a client
# through). Their prefixes as stored (Django's key function adds ":<version>:").
KEPT_KEYS = ("rate:",)


class DatabaseCache(db.DatabaseCache):
    """Django's database cache, with an atomic `incr` and a cull that keeps the rate
    counters.

    (A leaner one-key `get` lived here until measured: it saved no CPU on a whole request,
    see docs/performance.md.)
    """

    def incr(self, key, delta=1, version=None):
        """Django's read-then-write, made atomic: concurrent callers queue on a lock."""
        cache_key = self.make_and_validate_key(key, version=version)
        db_alias = router.db_for_write(self.cache_model_class)
        with transaction.atomic(using=db_alias):
            with connections[db_alias].cursor() as cursor:
                # Held to the end of the transaction; hashtext maps the key to the lock id.
                cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [cache_key])
            return super().incr(key, delta, version)

    def _cull(self, db_alias, cursor, now, num):
        """Django's cull (expired rows first, then a share of the rest), sparing KEPT_KEYS."""
        connection = connections[db_alias]
        table = connection.ops.quote_name(self._table)
        key_column = connection.ops.quote_name("cache_key")
        kept = [self.make_key(prefix) + "%" for prefix in KEPT_KEYS]
        spare = " AND ".join([f"{key_column} NOT LIKE %s"] * len(kept))
        cursor.execute(
            f"DELETE FROM {table} WHERE {connection.ops.quote_name('expires')} < %s",  # noqa: S608
            [connection.ops.adapt_datetimefield_value(now)],
        )
        remaining = num - cursor.rowcount
        if remaining <= self._max_entries or self._cull_frequency == 0:
            return
        cursor.execute(
            connection.ops.cache_key_culling_sql() % table, [remaining // self._cull_frequency]
        )
        last = cursor.fetchone()
        if last:
            cursor.execute(
                f"DELETE FROM {table} WHERE {key_column} < %s AND {spare}",  # noqa: S608
                [last[0], *kept],
            )
