import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, connections

from careers.management.commands.prepare_database import PREPARE_LOCK_ID
from careers.models import Role

pytestmark = pytest.mark.django_db(transaction=True)


def other_connection():
    """A second session on the test database, as another instance would have."""
    return connections.create_connection("default")


def lock_is_free() -> bool:
    other = other_connection()
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [PREPARE_LOCK_ID])
            taken = cursor.fetchone()[0]
            if taken:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [PREPARE_LOCK_ID])
        return taken
    finally:
        other.close()


def test_prepares_an_empty_database_and_releases_the_lock(no_content):
    out = StringIO()
    call_command("prepare_database", stdout=out)
    assert "No migrations to apply." in out.getvalue()
    assert Role.objects.count() == 2
    assert lock_is_free()


def test_waits_while_another_instance_prepares():
    holder = other_connection()
    out = StringIO()

    def prepare():
        try:
            call_command("prepare_database", stdout=out)
        finally:
            connection.close()

    try:
        with holder.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [PREPARE_LOCK_ID])
        worker = threading.Thread(target=prepare)
        worker.start()
        worker.join(timeout=1)
        assert worker.is_alive(), "it must wait for the lock"
        assert "Waiting for another instance" in out.getvalue()
        assert "No migrations to apply." not in out.getvalue()
        with holder.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [PREPARE_LOCK_ID])
        worker.join(timeout=60)
        assert not worker.is_alive()
        assert "No migrations to apply." in out.getvalue()
    finally:
        holder.close()
