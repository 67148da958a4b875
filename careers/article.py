"""The article all of RoleFit's content comes from: its title and section headings.

Kept as seed data (`careers/seed/article.json`): the article itself is not shipped. Every
block of content names the section it rests on, chosen from these headings, so the
admin offers them as choices and the seed loader refuses any other.
"""

import json
from pathlib import Path

from django.db import models

ARTICLE_FILE = Path(__file__).resolve().parent / "seed" / "article.json"
_article = json.loads(ARTICLE_FILE.read_text(encoding="utf-8"))

ARTICLE_TITLE: str = _article["title"]
ARTICLE_SECTIONS: tuple[str, ...] = tuple(_article["sections"])


def article_section_field(
    help_text: str = "The article section this rests on.", *, blank: bool = False
) -> models.Field:
    """A choice of the article's section headings, shown to visitors beside the content."""
    return models.CharField(
        max_length=120,
        choices=[(section, section) for section in ARTICLE_SECTIONS],
        help_text=help_text,
        blank=blank,
    )
