"""`manage.py write_article_facts ARTICLE`: what the content checks need of the article
(numbers and ranges per section, hashes of its runs of words), without its text."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from careers.faithfulness import FACTS_FILE, ArticleFacts


class Command(BaseCommand):
    help = "Writes careers/seed/article_facts.json from the article's text."

    def add_arguments(self, parser):
        parser.add_argument("article", type=Path, help="the article as plain text")

    def handle(self, *args, article: Path, **options):
        try:
            text = article.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{article}: cannot be read ({error})") from None
        FACTS_FILE.write_text(ArticleFacts.from_text(text).to_json() + "\n", encoding="utf-8")
        self.stdout.write(f"Wrote {FACTS_FILE}")
