"""Every result keeps its report document: what its page and JSON show, in its own words.

One template and one reader then show results of every scoring version; this fills the
documents of the results stored before, from frozen copies of the code that showed them.
"""

from django.db import migrations, models

from careers.migrations._frozen_report_documents import report_document_v1, report_document_v2

BATCH = 500


def write_report_documents(apps, schema_editor):
    Result = apps.get_model("careers", "AssessmentResult")
    Questionnaire = apps.get_model("careers", "Questionnaire")
    snapshots = dict(Questionnaire.objects.values_list("pk", "snapshot"))
    pending = []
    for result in Result.objects.filter(report={}).iterator(chunk_size=BATCH):
        if "roles" not in result.scores:
            continue  # never scored (only hand-made rows): nothing to show
        snapshot = snapshots[result.questionnaire_id]
        if result.scoring_version == 1:
            result.report = report_document_v1(scores=result.scores, snapshot=snapshot)
        else:
            result.report = report_document_v2(
                scores=result.scores, snapshot=snapshot, experience=result.experience
            )
        pending.append(result)
        if len(pending) == BATCH:
            Result.objects.bulk_update(pending, ["report"])
            pending = []
    Result.objects.bulk_update(pending, ["report"])


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0006_result_scoring_version_experience"),
    ]

    operations = [
        migrations.AddField(
            model_name="assessmentresult",
            name="report",
            field=models.JSONField(
                default=dict,
                help_text="What the result's page and JSON show, written when it was scored.",
            ),
        ),
        migrations.RunPython(write_report_documents, migrations.RunPython.noop),
    ]
