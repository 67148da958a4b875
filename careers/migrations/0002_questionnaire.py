"""Results share one stored questionnaire instead of each carrying a copy of it.

The snapshot of the questions, weights and roles was most of every result row (about
5 KB of JSON, the same for every result until an editor changes the questions).
"""

import hashlib
import json

import django.db.models.deletion
from django.db import migrations, models

BATCH = 1000


def fingerprint(snapshot) -> str:
    # Frozen copy of careers.seeding.fingerprint (which services uses for questionnaires),
    # as it hashes a snapshot: no top-level text to normalise.
    text = json.dumps(snapshot, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def share_questionnaires(apps, schema_editor):
    Result = apps.get_model("careers", "AssessmentResult")
    Questionnaire = apps.get_model("careers", "Questionnaire")
    known: dict[str, int] = {}
    pending: dict[int, list] = {}  # questionnaire id -> result ids not yet pointed at it
    results = Result.objects.order_by("created_at").only("pk", "scored_against", "created_at")
    for count, result in enumerate(results.iterator(chunk_size=BATCH), start=1):
        key = fingerprint(result.scored_against)
        if key not in known:
            questionnaire = Questionnaire.objects.create(
                fingerprint=key, snapshot=result.scored_against
            )
            # The first result scored against it is the best "first used" date there is.
            Questionnaire.objects.filter(pk=questionnaire.pk).update(created_at=result.created_at)
            known[key] = questionnaire.pk
        pending.setdefault(known[key], []).append(result.pk)
        if count % BATCH == 0:
            point_results_at(Result, pending)
    point_results_at(Result, pending)


def point_results_at(Result, pending: dict[int, list]) -> None:
    for questionnaire_id, result_ids in pending.items():
        Result.objects.filter(pk__in=result_ids).update(questionnaire_id=questionnaire_id)
    pending.clear()


def copy_questionnaires_back(apps, schema_editor):
    Result = apps.get_model("careers", "AssessmentResult")
    for result in Result.objects.select_related("questionnaire").iterator(chunk_size=BATCH):
        Result.objects.filter(pk=result.pk).update(scored_against=result.questionnaire.snapshot)


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="Questionnaire",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "fingerprint",
                    models.CharField(
                        editable=False,
                        help_text="SHA-256 of the snapshot.",
                        max_length=64,
                        unique=True,
                    ),
                ),
                (
                    "snapshot",
                    models.JSONField(help_text="The questions, weights, factors and roles."),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "ordering": ["-created_at"],
            },
        ),
        migrations.AddField(
            model_name="assessmentresult",
            name="questionnaire",
            field=models.ForeignKey(
                help_text="The questions, weights and roles at scoring time.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="results",
                to="careers.questionnaire",
            ),
        ),
        migrations.AlterField(
            model_name="assessmentresult",
            name="scored_against",
            field=models.JSONField(
                help_text="The questions, weights and roles at scoring time.", null=True
            ),
        ),
        migrations.RunPython(share_questionnaires, copy_questionnaires_back, elidable=False),
        migrations.RemoveField(
            model_name="assessmentresult",
            name="scored_against",
        ),
        migrations.AlterField(
            model_name="assessmentresult",
            name="questionnaire",
            field=models.ForeignKey(
                help_text="The questions, weights and roles at scoring time.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="results",
                to="careers.questionnaire",
            ),
        ),
    ]
