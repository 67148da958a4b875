"""Data migrations, run forwards and backwards on real rows."""

import ast
from pathlib import Path

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import careers.migrations
from careers.seeding import fingerprint

BEFORE = [("careers", "0001_initial")]
AFTER = [("careers", "0002_questionnaire")]
SNAPSHOT = {"version": 1, "roles": [{"slug": "a", "name": "A"}], "questions": [], "factors": []}
EDITED = {**SNAPSHOT, "questions": [{"slug": "q", "weight": 2}]}


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def latest_schema_afterwards():
    yield
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


# transactional_db: the schema changes must not run inside the test's own transaction.
@pytest.mark.django_db(transaction=True)
def test_results_move_to_shared_questionnaires_and_back(no_content, latest_schema_afterwards):
    apps = migrate(BEFORE)
    Result = apps.get_model("careers", "AssessmentResult")
    for snapshot in (SNAPSHOT, SNAPSHOT, EDITED):
        Result.objects.create(answers={}, scored_against=snapshot, scores={}, outcome="hybrid")

    apps = migrate(AFTER)
    Questionnaire = apps.get_model("careers", "Questionnaire")
    Result = apps.get_model("careers", "AssessmentResult")
    assert Questionnaire.objects.count() == 2
    shared = Questionnaire.objects.get(snapshot=SNAPSHOT)
    # The key new results look it up by: no second row for the same questions.
    assert shared.fingerprint == fingerprint(SNAPSHOT)
    assert Result.objects.filter(questionnaire=shared).count() == 2
    assert Result.objects.filter(questionnaire__snapshot=EDITED).count() == 1

    apps = migrate(BEFORE)
    Result = apps.get_model("careers", "AssessmentResult")
    assert sorted(len(r.scored_against["questions"]) for r in Result.objects.all()) == [0, 0, 1]


@pytest.mark.django_db(transaction=True)
def test_rows_nobody_edited_still_look_unedited_after_a_new_field(
    no_content, latest_schema_afterwards
):
    from careers.editable import row_values

    apps = migrate([("careers", "0003_search_vectors")])
    Role = apps.get_model("careers", "Role")
    fields = {"tagline": "t", "summary": "s", "career_path": "c", "work_environment": "w"}
    seeded = Role.objects.create(slug="seeded", name="Seeded", **fields)
    seeded.seed_fingerprint = fingerprint(row_values(seeded))
    seeded.save()
    edited = Role.objects.create(slug="edited", name="Edited", **fields)
    edited.seed_fingerprint = fingerprint(row_values(edited))
    edited.summary = "An editor's own words."
    edited.save()

    apps = migrate([("careers", "0004_article_sections")])
    Role = apps.get_model("careers", "Role")
    seeded, edited = Role.objects.get(slug="seeded"), Role.objects.get(slug="edited")
    assert seeded.summary_section  # the placeholder section, until the seed sets its own
    assert seeded.seed_fingerprint == fingerprint(row_values(seeded))
    assert edited.seed_fingerprint != fingerprint(row_values(edited))


@pytest.mark.django_db(transaction=True)
def test_skill_levels_become_the_articles_words_and_unedited_rows_stay_unedited(
    no_content, latest_schema_afterwards
):
    from careers.editable import row_values

    apps = migrate([("careers", "0004_article_sections")])
    Role = apps.get_model("careers", "Role")
    SkillArea = apps.get_model("careers", "SkillArea")
    RoleSkill = apps.get_model("careers", "RoleSkill")
    Source = apps.get_model("careers", "Source")
    section = "AI Pair Programmer vs AI Architect: Skills and Qualifications Compared"
    role = Role.objects.create(
        slug="r", name="R", tagline="t", summary="s", career_path="c", work_environment="w",
        summary_section=section, career_path_section=section, work_environment_section=section,
    )  # fmt: skip
    area = SkillArea.objects.create(slug="a", name="A")
    seeded = RoleSkill.objects.create(
        role=role, area=area, level=5, description="Deep: reviews code.", article_section=section
    )
    seeded.seed_fingerprint = fingerprint(row_values(seeded))
    seeded.save()
    split = Source.objects.create(
        slug="uc-san-diego-it-services-case-study-2024", title="UC San Diego", published="2024"
    )
    split.seed_fingerprint = fingerprint(row_values(split))
    split.save()
    kept = Source.objects.create(slug="kept", title="A title", publisher="P", published="2025")

    apps = migrate([("careers", "0005_article_faithful")])
    RoleSkill = apps.get_model("careers", "RoleSkill")
    Source = apps.get_model("careers", "Source")
    skill = RoleSkill.objects.get(pk=seeded.pk)
    assert skill.emphasis == "Deep"
    assert skill.seed_fingerprint == fingerprint(row_values(skill))  # still as seeded
    assert not Source.objects.filter(slug=split.slug).exists()  # half of one reference
    assert Source.objects.get(pk=kept.pk).citation == 'P. "A title.". 2025'


@pytest.mark.django_db(transaction=True)
def test_the_article_migration_can_be_undone_with_content_in_place(
    seeded, latest_schema_afterwards
):
    apps = migrate([("careers", "0004_article_sections")])
    assert apps.get_model("careers", "RoleSkill").objects.count() == 10
    assert apps.get_model("careers", "Source").objects.count() == 7


def test_migrations_import_no_live_code():
    """A migration carries frozen copies of what it needs (careers.migrations._frozen*):
    importing live code would let a later change alter what an old migration does."""
    folder = Path(careers.migrations.__file__).parent
    offenders = []
    for path in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            offenders += [
                f"{path.name}: {name}"
                for name in names
                if name.split(".")[0] in {"careers", "rolefit"}
                and not name.startswith("careers.migrations")
            ]
    assert offenders == []
