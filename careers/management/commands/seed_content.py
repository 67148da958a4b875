"""`manage.py seed_content`: load the article's content from careers/seed/*.json."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from careers.history.registry import recorded
from careers.seeding import SEED_DIR, ContentError, seed_content


class Command(BaseCommand):
    help = (
        "Creates the content in careers/seed/*.json that is missing, refreshes rows nobody "
        "edited, and keeps rows an editor changed in the admin (see --update). Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Overwrite rows an editor changed with the seed's values as well.",
        )
        parser.add_argument(
            "--seed-dir",
            type=Path,
            default=SEED_DIR,
            help="Directory holding the seed files (default: careers/seed).",
        )

    def handle(self, *args, update: bool, seed_dir: Path, verbosity: int, **options):
        try:
            # One revision in the content history, undoable row by row in the admin.
            with recorded("seed_content --update" if update else "seed_content"):
                report = seed_content(seed_dir=seed_dir, update=update)
        except ContentError as error:
            raise CommandError(f"Nothing was written. The seed has problems:\n{error}") from None
        if verbosity >= 1:
            for line in report.lines():
                self.stdout.write(line)
            kept = report.total("kept-edited")
            if kept:
                self.stdout.write(
                    f"Kept {kept} row(s) an editor changed; run with --update to overwrite them."
                )
