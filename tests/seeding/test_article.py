"""The article the content comes from: its section headings, as the seed keeps them."""

from pathlib import Path

import pytest

from careers.article import ARTICLE_SECTIONS, ARTICLE_TITLE
from careers.seeding import ContentError, read_seed_directory
from careers.seeding.reading import parse_document

# A copy of ../shared/article.txt, so that the checks run wherever the repository is.
ARTICLE = Path(__file__).resolve().parent.parent / "data" / "article.txt"
SHARED_ARTICLE = Path(__file__).resolve().parents[3] / "shared" / "article.txt"


def article_lines() -> list[str]:
    return [line.strip() for line in ARTICLE.read_text(encoding="utf-8").splitlines()]


def test_every_section_heading_is_a_line_of_the_article_in_its_order():
    lines = article_lines()
    positions = [lines.index(section) for section in ARTICLE_SECTIONS]
    assert positions == sorted(positions)
    assert ARTICLE_TITLE == lines[0] == ARTICLE_SECTIONS[0]


@pytest.mark.skipif(not SHARED_ARTICLE.exists(), reason="no ../shared/article.txt beside the repo")
def test_the_copy_is_the_shared_article():
    assert ARTICLE.read_bytes() == SHARED_ARTICLE.read_bytes()


@pytest.mark.django_db
def test_a_seed_record_naming_a_section_the_article_lacks_is_refused():
    document = read_seed_directory()
    faq = next(iter(document.collections["faqs"].values()))
    faq["article_section"] = "A Section the Article Never Had"
    with pytest.raises(ContentError) as refused:
        parse_document(document)
    assert "article_section" in str(refused.value)
    assert "not a valid choice" in str(refused.value)
