"""The article's content in the test database: seeded once per session, put back after a
test that empties the tables.

Every test starts on the content `seed_content` writes, with its history. A test in a
transaction (pytest-django's `db`) is rolled back. A transactional test (`transactional_db`,
`live_server`) commits; when it ends, every table is emptied and the tables as seeded,
kept as PostgreSQL COPY data, are copied back, in milliseconds where seeding again takes a
second (tests/conftest.py does it in place of Django's TRUNCATE of every table).
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import TestCase, TransactionTestCase
from pytest_django.fixtures import validate_django_db
from reversion.models import Revision, Version

from careers.editable import editable_models

# What makes pytest-django run a test as a TransactionTestCase (see its _django_db_helper).
TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences"}


def commits_its_writes(item) -> bool:
    """Whether pytest-django runs `item` as a transactional test, whose writes are committed."""
    test_class = getattr(item, "cls", None)
    if test_class is not None and issubclass(test_class, TransactionTestCase):
        return not issubclass(test_class, TestCase)
    marker = item.get_closest_marker("django_db")
    if marker is not None:
        transactional, reset_sequences, *_ = validate_django_db(marker)
        if transactional or reset_sequences:
            return True
    return bool(TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ())))


def quoted(table: str) -> str:
    return connection.ops.quote_name(table)


def content_tables() -> list[str]:
    """The tables `seed_content` writes: content rows, their relations and their history."""
    tables = []
    for model in editable_models():
        tables.append(model._meta.db_table)
        tables += [f.remote_field.through._meta.db_table for f in model._meta.local_many_to_many]
    return [*tables, Version._meta.db_table, Revision._meta.db_table]


def delete_content() -> None:
    """Removes every content row and its history (in one transaction: foreign keys are
    checked when it commits, with no row left to point at)."""
    with transaction.atomic(), connection.cursor() as cursor:
        for table in content_tables():
            cursor.execute(f"DELETE FROM {quoted(table)}")  # noqa: S608 (our own table names)


class SeededDatabase:
    def __init__(self):
        self.copies: dict[str, bytes] = {}
        self.blocker = None  # pytest-django's, to reach the database between tests

    @property
    def loaded(self) -> bool:
        return bool(self.copies)

    def seed(self) -> None:
        """Empties the database (a reused one may hold anything) and seeds it."""
        call_command("flush", interactive=False, verbosity=0)
        call_command("seed_content", verbosity=0)
        cache.clear()
        tables = connection.introspection.django_table_names(only_existing=True)
        with connection.cursor() as cursor:
            for table in tables:
                with cursor.copy(f"COPY {quoted(table)} TO STDOUT (FORMAT binary)") as copy:
                    data = b"".join(bytes(block) for block in copy)
                cursor.execute(f"SELECT EXISTS (SELECT FROM {quoted(table)})")  # noqa: S608
                if cursor.fetchone()[0]:
                    self.copies[table] = data

    def put_back(self) -> None:
        """Replaces whatever the tables hold with the content as seeded."""
        tables = connection.introspection.django_table_names(only_existing=True)
        models = apps.get_models(include_auto_created=True)
        with transaction.atomic(), connection.cursor() as cursor:
            for table in tables:  # few rows: quicker than TRUNCATE, which makes new files
                cursor.execute(f"DELETE FROM {quoted(table)}")  # noqa: S608
            for table, data in self.copies.items():
                with cursor.copy(f"COPY {quoted(table)} FROM STDIN (FORMAT binary)") as copy:
                    copy.write(data)
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
        # Flushing made new content types under new ids; the ones put back are the old.
        ContentType.objects.clear_cache()
        cache.clear()  # pages and memos made from what the test committed


# The test session's (tests/conftest.py seeds it, and puts it back after each transactional
# test; a fixture that commits outside a test puts it back itself).
SEEDED = SeededDatabase()
