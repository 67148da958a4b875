"""`manage.py export_content`: write all content as one JSON document."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from careers.seeding import export_document


class Command(BaseCommand):
    help = (
        "Writes every content record (not assessment results) as one JSON document in the "
        "seed's shape, one key per collection; import it with import_content."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", type=Path, help="File to write (default: standard output)."
        )
        parser.add_argument("--indent", type=int, default=2, help="JSON indent (default: 2).")

    def handle(self, *args, output: Path | None, indent: int, **options):
        text = json.dumps(export_document(), indent=indent, ensure_ascii=False) + "\n"
        if output is None:
            self.stdout.write(text, ending="")
            return
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error}") from None
        if options["verbosity"] >= 1:
            self.stderr.write(f"Wrote {output}")
