"""The article the content comes from: its section headings, as the seed keeps them."""

import json
import os
import shutil
from pathlib import Path

import pytest

from careers.article import ARTICLE_SECTIONS, ARTICLE_TITLE
from careers.faithfulness import copied_runs, number_problems, split_sections
from careers.seeding import SEED_DIR, ContentError, read_seed_directory
from careers.seeding.reading import parse_document
from tests.helpers import ARTICLE

# The article the repository's copy is taken from: ROLEFIT_ARTICLE names it (.ci/run sets
# it when CI has the shared folder); by default, shared/article.txt beside the repository.
CANONICAL_ARTICLE = Path(
    os.environ.get("ROLEFIT_ARTICLE")
    or Path(__file__).resolve().parents[3] / "shared" / "article.txt"
)


def article_lines() -> list[str]:
    return [line.strip() for line in ARTICLE.read_text(encoding="utf-8").splitlines()]


def test_every_section_heading_is_a_line_of_the_article_in_its_order():
    lines = article_lines()
    positions = [lines.index(section) for section in ARTICLE_SECTIONS]
    assert positions == sorted(positions)
    assert ARTICLE_TITLE == lines[0] == ARTICLE_SECTIONS[0]


def test_the_repository_has_its_copy_of_the_article():
    assert ARTICLE.is_file(), f"{ARTICLE} is missing: every check of the content reads it"


def test_the_copy_is_the_canonical_article():
    if not CANONICAL_ARTICLE.is_file():
        if os.environ.get("ROLEFIT_ARTICLE"):
            pytest.fail(f"ROLEFIT_ARTICLE names {CANONICAL_ARTICLE}, which is not a file")
        pytest.skip(f"no {CANONICAL_ARTICLE} to compare the copy with: set ROLEFIT_ARTICLE")
    assert ARTICLE.read_bytes() == CANONICAL_ARTICLE.read_bytes()


@pytest.mark.django_db
def test_a_seed_record_naming_a_section_the_article_lacks_is_refused():
    document = read_seed_directory()
    faq = next(iter(document.collections["faqs"].values()))
    faq["article_section"] = "A Section the Article Never Had"
    with pytest.raises(ContentError) as refused:
        parse_document(document)
    assert "article_section" in str(refused.value)
    assert "not a valid choice" in str(refused.value)


# --- The seed says only what the article says ---------------------------------------------

STRETCHES = {
    # What an earlier seed said that the article does not (issue 13).
    "can match": "one developer's pay story, generalised to every pair programmer",
    "within days": "the article says almost overnight",
    "design decisions, adding": "the article says code choices, not design decisions",
    "whiteboarding": "the article never mentions whiteboarding",
    "especially in hybrid roles": "the article says hybrid or specialized roles",
    "Editor-verified.)": "the attribution is a field of its own, not part of the answer",
}


def seed_records():
    return parse_document(read_seed_directory())


def article_text() -> str:
    return ARTICLE.read_text(encoding="utf-8")


@pytest.mark.django_db
def test_every_seeded_number_appears_in_the_article_section_it_names():
    assert number_problems(seed_records(), article_text()) == []


@pytest.mark.django_db
def test_no_seeded_text_copies_eight_words_in_a_row_from_the_article():
    assert copied_runs(seed_records(), article_text()) == []


@pytest.mark.django_db
def test_the_stretches_of_the_article_are_gone_from_the_seed():
    texts = [
        f"{record.where}: {value}"
        for record in seed_records()
        for value in record.values.values()
        if isinstance(value, str)
    ]
    for phrase, why in STRETCHES.items():
        assert [text for text in texts if phrase in text] == [], why


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("file_name", "change", "expected"),
    [
        (
            "salaries.json",
            lambda d: d["salaries"]["ai-architect-us-2025"].update(low=175_000),
            "salaries 'ai-architect-us-2025': low: 175000 does not appear in the section "
            "'AI Engineer vs AI Architect: Who Earns More?'",
        ),
        (
            "salaries.json",
            # Both figures are in the article, but not as one range.
            lambda d: d["salaries"]["ai-pair-programmer-us-2025"].update(high=250_000),
            "salaries 'ai-pair-programmer-us-2025': the range 120000–250000 is not one",
        ),
        (
            "salaries.json",
            lambda d: d["salaries"]["ai-architect-us-2025"].update(year=2024),
            "salaries 'ai-architect-us-2025': year: 2024 does not appear",
        ),
        (
            "faqs.json",
            lambda d: d["faqs"]["who-earns-more-ai-engineer-or-ai-architect"].update(
                answer="Architects: the median can exceed $210,000."
            ),
            "answer: 210000 does not appear in the section 'FAQ: AI Pair Programmer",
        ),
    ],
    ids=["salary figure", "salary range", "year", "figure in prose"],
)
def test_the_number_check_fails_on_a_figure_the_article_does_not_give(
    tmp_path, file_name, change, expected
):
    seed_dir = tmp_path / "seed"
    shutil.copytree(SEED_DIR, seed_dir)
    path = seed_dir / file_name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    problems = number_problems(parse_document(read_seed_directory(seed_dir)), article_text())
    assert any(expected in problem for problem in problems), problems


@pytest.mark.django_db
def test_the_copy_check_fails_on_a_sentence_lifted_from_the_article(tmp_path):
    seed_dir = tmp_path / "seed"
    shutil.copytree(SEED_DIR, seed_dir)
    path = seed_dir / "key_points.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["key_points"]["build-skills-in-both"]["text"] = (
        "Build skills in both domains and stay open to the evolving frontier."
    )
    path.write_text(json.dumps(data), encoding="utf-8")
    problems = copied_runs(parse_document(read_seed_directory(seed_dir)), article_text())
    assert problems == [
        "key_points.json: key_points 'build-skills-in-both': text: copies "
        "“build skills in both domains and stay open”"
    ]


def test_the_sections_split_the_whole_article():
    sections = split_sections(article_text())
    assert list(sections) == list(ARTICLE_SECTIONS)
    assert "$170,000–$250,000" in sections["AI Engineer vs AI Architect: Who Earns More?"]


@pytest.mark.django_db
def test_the_reference_list_is_the_articles_in_its_order_and_wording():
    lines = article_lines()
    listed = [line.removeprefix("- ") for line in lines[lines.index("References") + 1 :] if line]
    citations = [
        record.values["citation"]
        for record in sorted(
            (r for r in seed_records() if r.model.__name__ == "Source"),
            key=lambda r: r.values["order"],
        )
    ]
    assert citations == listed
