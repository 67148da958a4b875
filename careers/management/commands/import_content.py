"""`manage.py import_content FILE`: load a document written by export_content."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from careers.history.registry import recorded
from careers.seeding import (
    DOCUMENT_SIZE_LIMIT,
    ContentError,
    import_document,
    read_document_file,
    read_document_text,
)


class Command(BaseCommand):
    help = (
        "Validates a document written by export_content, then creates or overwrites every "
        "record in it in one transaction (nothing is written if any record is invalid). "
        "Rows the document does not mention are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The JSON document to import, or - for standard input.")

    def handle(self, *args, file: str, verbosity: int, **options):
        try:
            if file == "-":
                # One character past the limit is enough to refuse it, unread beyond.
                document = read_document_text(sys.stdin.read(DOCUMENT_SIZE_LIMIT + 1), "<stdin>")
            else:
                document = read_document_file(Path(file))
            with recorded(f"import_content {file}"):
                report = import_document(document)
        except ContentError as error:
            raise CommandError(
                f"Nothing was imported. The document has problems:\n{error}"
            ) from None
        if verbosity >= 1:
            for line in report.lines(("created", "updated", "unchanged")):
                self.stdout.write(line)
