"""`manage.py prepare_database`: migrate, create the cache table and seed, one at a time."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from careers.history.registry import record_unversioned_rows

# Held for the whole preparation, so that of several instances starting at once against
# one database, one migrates while the others wait and then find nothing left to do.
PREPARE_LOCK_ID = 7_245_002


class Command(BaseCommand):
    help = (
        "Applies migrations, creates the cache table and seeds the content (all idempotent) "
        "under a PostgreSQL advisory lock: safe to run from several instances at once."
    )

    def handle(self, *args, verbosity: int, **options):
        # The commands write straight to this command's stream, so that migrate's
        # "Applying ... OK" stays on one line.
        out = {"verbosity": verbosity, "stdout": options.get("stdout")}
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [PREPARE_LOCK_ID])
            if not cursor.fetchone()[0]:
                if verbosity >= 1:
                    self.stdout.write("Waiting for another instance to prepare the database...")
                    self.stdout.flush()
                cursor.execute("SELECT pg_advisory_lock(%s)", [PREPARE_LOCK_ID])
        try:
            call_command("migrate", interactive=False, **out)
            call_command("createcachetable", **out)
            call_command("seed_content", **out)
            # A database from before the content history: each row's first version.
            record_unversioned_rows()
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [PREPARE_LOCK_ID])
