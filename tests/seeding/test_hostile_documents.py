"""`import_content` on hostile documents: one clear line per problem, naming the collection,
the row and the field; exit status 1; nothing changed (careers/seeding/reading.py)."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from careers.article import ARTICLE_SECTIONS
from careers.models import FAQ
from tests.seeding.test_commands import export, snapshot
from tests.serving import BASE_DIR, current_database_url, production_env

pytestmark = pytest.mark.django_db

FAQ_SLUG = "what-is-an-ai-pair-programmer"
HEADER = "Nothing was imported. The document has problems:"


def problems_of_import(path: Path) -> list[str]:
    """The problem lines `import_content` reports for `path` (it must refuse it)."""
    with pytest.raises(CommandError) as refused:
        call_command("import_content", str(path), stdout=StringIO())
    header, *lines = str(refused.value).splitlines()
    assert header == HEADER
    return lines


def document_with_answer(tmp_path: Path, answer_json: str) -> Path:
    """The whole exported content, with one FAQ's answer written as `answer_json` (raw JSON,
    so escapes such as a lone surrogate reach the file as they would from outside)."""
    document = export()
    document["faqs"][FAQ_SLUG]["answer"] = "ANSWER"
    path = tmp_path / "content.json"
    path.write_text(json.dumps(document).replace('"ANSWER"', answer_json))
    return path


@pytest.fixture
def unchanged(seeded, db):
    """Asserts the content is the same after the test as before it."""
    before = snapshot()
    yield
    assert snapshot() == before


@pytest.mark.parametrize(
    ("answer_json", "line"),
    [
        (
            '"a\\u0000b"',
            f"faqs '{FAQ_SLUG}': answer: contains a NUL character (U+0000), which cannot be stored",
        ),
        (
            '"lone \\ud800 half"',
            f"faqs '{FAQ_SLUG}': answer: contains U+D800, half of a UTF-16 surrogate pair on its "
            "own, which is not a character and cannot be stored",
        ),
        (
            '"' + "x" * 4001 + '"',
            f"faqs '{FAQ_SLUG}': answer: Ensure this value has at most 4000 characters "
            "(it has 4001).",
        ),
        ("42", f"faqs '{FAQ_SLUG}': answer: expected a string, got 42"),
        ('["a list"]', f"faqs '{FAQ_SLUG}': answer: expected a string, got [\"a list\"]"),
        ("null", f"faqs '{FAQ_SLUG}': answer: must not be null"),
    ],
    ids=["nul", "surrogate", "too-long", "number", "list", "null"],
)
def test_a_bad_answer_is_one_line_naming_collection_row_and_field(
    unchanged, tmp_path, answer_json, line
):
    path = document_with_answer(tmp_path, answer_json)
    assert problems_of_import(path) == [f"{path}: {line}"]


def test_an_answer_at_its_limit_is_imported(seeded, db, tmp_path):
    path = document_with_answer(tmp_path, '"' + "x" * 4000 + '"')
    call_command("import_content", str(path), stdout=StringIO())
    assert len(FAQ.objects.get(slug=FAQ_SLUG).answer) == 4000


@pytest.mark.parametrize(
    ("change", "line"),
    [
        (
            lambda d: d["roles"]["ai-architect"].update(tagline="t" * 201),
            "roles 'ai-architect': tagline: Ensure this value has at most 200 characters "
            "(it has 201).",
        ),
        (
            lambda d: d["roles"]["ai-architect"]["responsibilities"][0].update(text="\x00"),
            "roles 'ai-architect', responsibility 1: text: contains a NUL character (U+0000), "
            "which cannot be stored",
        ),
        (
            lambda d: d["tools"]["cursor"].update(order="1"),
            "tools 'cursor': order: expected a whole number, got \"1\"",
        ),
        (
            lambda d: d["tools"]["cursor"].update(roles="ai-architect"),
            "tools 'cursor': roles: expected a list of slugs",
        ),
        (
            lambda d: d["tools"]["cursor"].update(seed_fingerprint="f" * 65),
            "tools 'cursor': seed_fingerprint: Ensure this value has at most 64 characters "
            "(it has 65).",
        ),
        (lambda d: d.update(faqs=["a list"]), "faqs: expected an object keyed by slug"),
        (
            lambda d: d["roles"]["ai-architect"].update(responsibilities={}),
            "roles 'ai-architect': responsibilities: expected a list",
        ),
    ],
    ids=["char-limit", "nested-nul", "order-string", "roles-string", "fingerprint", "faqs", "resp"],
)
def test_wrong_types_and_lengths_are_one_line_each(unchanged, tmp_path, change, line):
    document = export()
    change(document)
    path = tmp_path / "content.json"
    path.write_text(json.dumps(document))
    assert problems_of_import(path) == [f"{path}: {line}"]


def test_a_deeply_nested_document_is_refused_before_parsing(unchanged, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"faqs": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert problems_of_import(path) == [
        f"{path}: nested more than 10 levels deep (a content document nests 5)"
    ]


def test_brackets_inside_text_do_not_count_as_nesting(seeded, db, tmp_path):
    path = document_with_answer(tmp_path, json.dumps('[[[[[[[[[[[[ {{{{ \\" ]]'))
    call_command("import_content", str(path), stdout=StringIO())
    assert FAQ.objects.get(slug=FAQ_SLUG).answer.startswith("[[[[[[[[[[[[")


def test_a_60_mb_answer_is_refused_by_the_file_size_unread(unchanged, tmp_path):
    path = document_with_answer(tmp_path, '"' + "x" * 60_000_000 + '"')
    assert problems_of_import(path) == [
        f"{path}: larger than 1 MB, the most a content document may be"
    ]


def test_standard_input_past_the_limit_is_refused(unchanged, monkeypatch):
    monkeypatch.setattr("sys.stdin", StringIO('{"faqs": {}, "x": "' + "x" * 2_000_000 + '"}'))
    with pytest.raises(CommandError, match="<stdin>: larger than 1 MB"):
        call_command("import_content", "-", stdout=StringIO())


def test_the_command_exits_1_with_one_line_and_no_traceback(transactional_db, tmp_path):
    path = tmp_path / "content.json"
    faq = {"question": "Q?", "answer": "a\u0000b", "article_section": ARTICLE_SECTIONS[0]}
    path.write_text(json.dumps({"faqs": {"x": faq}}))
    finished = subprocess.run(
        [sys.executable, "manage.py", "import_content", str(path)],
        cwd=BASE_DIR,
        env=production_env(current_database_url()),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode == 1
    assert finished.stderr.splitlines() == [
        f"CommandError: {HEADER}",
        f"{path}: faqs 'x': answer: contains a NUL character (U+0000), which cannot be stored",
    ]
    assert not FAQ.objects.filter(slug="x").exists()
