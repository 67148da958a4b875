import base64
import pickle

from django.core.cache.backends import db
from django.db import connections, router, transaction
from django.utils import timezone

# Keys a cull must never delete: the content version (losing it would make every cached
# page and memo stale at once) and the rate-limit counters (losing one lets a client
# through). Their prefixes as stored (Django's key function adds ":<version>:").
KEPT_KEYS = ("content-version", "rate:")


class DatabaseCache(db.DatabaseCache):
    """Django's database cache, with a leaner read of one key, an atomic `incr`, and a
    cull that keeps the content version and the rate counters.

    Every page view reads the content version, and every page cache lookup a page, one key
    at a time. Django's `get` goes through `get_many`, whose generic SQL building and
    type conversion cost about as much as the query's round trip; this reads the same
    rows, stored the same way, with one short query.
    """

    def get(self, key, default=None, version=None):
        cache_key = self.make_and_validate_key(key, version=version)
        connection = connections[router.db_for_read(self.cache_model_class)]
        with connection.cursor() as cursor:
            cursor.execute(self.read_one_sql(connection), [cache_key])
            row = cursor.fetchone()
        if row is None:
            return default
        value, expires = row
        if timezone.is_naive(expires) or expires < timezone.now():
            # Rare: expired (Django's own get also deletes it) or stored without a time zone.
            return super().get(key, default, version)
        # The value was written by this cache, pickled, exactly as Django's own backend does.
        return pickle.loads(base64.b64decode(value.encode(), validate=True))  # noqa: S301

    def read_one_sql(self, connection) -> str:
        quote_name = connection.ops.quote_name
        # Only quoted identifiers from the settings go into the text; the key is a parameter.
        return (
            f"SELECT {quote_name('value')}, {quote_name('expires')} "  # noqa: S608
            f"FROM {quote_name(self._table)} WHERE {quote_name('cache_key')} = %s"
        )

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
