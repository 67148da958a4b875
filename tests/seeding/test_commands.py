import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from careers.models import Question, Role, Tool
from careers.seeding import COLLECTIONS, SEED_FILES, WRITE_ORDER, content_queryset, row_values
from tests.helpers import make_result

pytestmark = pytest.mark.django_db


def export() -> dict:
    out = StringIO()
    call_command("export_content", stdout=out)
    return json.loads(out.getvalue())


def import_file(path: Path) -> str:
    out = StringIO()
    call_command("import_content", str(path), stdout=out)
    return out.getvalue()


def snapshot() -> dict[str, list[dict]]:
    """Every content row's values and fingerprint, independent of primary keys."""
    return {
        model.__name__: sorted(
            (json.dumps({**row_values(row), "fp": row.seed_fingerprint}, sort_keys=True))
            for row in content_queryset(model)
        )
        for model in WRITE_ORDER
    }


def write(tmp_path: Path, document: dict) -> Path:
    path = tmp_path / "content.json"
    path.write_text(json.dumps(document))
    return path


def test_export_has_one_key_per_collection_in_the_seed_shape(seeded):
    document = export()
    assert list(document) == [name for names in SEED_FILES.values() for name in names]
    architect = document["roles"]["ai-architect"]
    assert len(architect["responsibilities"]) == 6
    assert "ai-architect" in document["skill_areas"]["system-design"]["levels"]
    assert document["tools"]["cursor"]["roles"] == ["ai-pair-programmer"]
    assert document["questions"]["learning-by-building"]["factor"] == "learning-motivation"


def test_export_leaves_out_assessment_results(seeded):
    make_result("hybrid")
    assert set(export()) == set(COLLECTIONS)


def test_export_writes_a_file_with_output(seeded, tmp_path):
    path = tmp_path / "out.json"
    call_command("export_content", output=path, verbosity=0)
    assert json.loads(path.read_text()) == export()


# transactional_db: PostgreSQL will not TRUNCATE (flush) inside the test's open transaction.
def test_export_flush_import_round_trips_every_record(transactional_db, seeded, tmp_path):
    Role.objects.filter(slug="ai-architect").update(summary="An editor's summary.")
    Question.objects.filter(slug="learning-by-building").update(weight=5, active=False)
    before = snapshot()
    document = export()
    path = write(tmp_path, document)

    call_command("flush", interactive=False, verbosity=0)
    assert Role.objects.count() == 0
    output = import_file(path)

    assert snapshot() == before
    assert export() == document
    tools_line = next(line for line in output.splitlines() if line.startswith("Tools"))
    assert f"created {len(document['tools'])} " in tools_line
    # Fingerprints came back too: seeding now sees the editor's change and keeps it.
    call_command("seed_content", verbosity=0)
    assert Role.objects.get(slug="ai-architect").summary == "An editor's summary."


def test_import_overwrites_rows_it_names(seeded, tmp_path):
    path = write(tmp_path, export())
    Role.objects.filter(slug="ai-architect").update(summary="Changed after the export.")
    output = import_file(path)
    assert Role.objects.get(slug="ai-architect").summary != "Changed after the export."
    assert any(line.startswith("Roles") and "updated 1" in line for line in output.splitlines())


def test_import_reads_standard_input_given_a_dash(seeded, monkeypatch):
    document = export()
    Role.objects.filter(slug="ai-architect").update(summary="Changed after the export.")
    monkeypatch.setattr("sys.stdin", StringIO(json.dumps(document)))
    call_command("import_content", "-", stdout=StringIO())
    assert (
        Role.objects.get(slug="ai-architect").summary
        == document["roles"]["ai-architect"]["summary"]
    )


def test_export_indent_sets_the_indentation(seeded, tmp_path):
    path = tmp_path / "out.json"
    call_command("export_content", output=path, indent=4, verbosity=0)
    assert '\n    "roles": {' in path.read_text()


def test_import_of_a_bad_document_names_the_record_and_writes_nothing(seeded, tmp_path):
    document = export()
    document["roles"]["ai-architect"]["tagline"] = "A valid change."
    document["tools"]["cursor"]["category"] = "no-such-category"
    path = write(tmp_path, document)
    with pytest.raises(CommandError) as error:
        import_file(path)
    message = str(error.value)
    assert f"{path}: tools 'cursor': category: unknown tool category 'no-such-category'" in message
    assert Role.objects.get(slug="ai-architect").tagline != "A valid change."
    assert Tool.objects.get(slug="cursor").category.slug == "pair-programming-assistants"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON (line 1, column 2"),
        ("[]", "expected a JSON object of collections"),
        ('{"widgets": {}}', "unknown collection 'widgets'"),
        ('{"roles": {"x": {}, "x": {}}}', "duplicate key 'x'"),
        ('{"roles": {"x": "text"}}', "roles 'x': expected a JSON object"),
    ],
)
def test_import_rejects_malformed_documents_clearly(no_content, tmp_path, text, message):
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(CommandError, match=message.replace("(", r"\(")):
        import_file(path)
    assert Role.objects.count() == 0


def test_import_of_a_missing_file_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        import_file(tmp_path / "missing.json")


def test_an_import_that_clashes_with_an_existing_row_writes_nothing(seeded, tmp_path):
    document = export()
    document["tools"]["cursor"]["description"] = "A valid change."
    path = write(tmp_path, document)
    Role.objects.filter(slug="ai-architect").update(slug="architect")
    with pytest.raises(CommandError, match="roles 'ai-architect': cannot be saved"):
        import_file(path)
    assert Tool.objects.get(slug="cursor").description != "A valid change."
