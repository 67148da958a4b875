"""Data migrations, run forwards and backwards on real rows."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

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
def test_results_move_to_shared_questionnaires_and_back(latest_schema_afterwards):
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
def test_rows_nobody_edited_still_look_unedited_after_a_new_field(latest_schema_afterwards):
    from careers.seeding.schema import row_values

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
