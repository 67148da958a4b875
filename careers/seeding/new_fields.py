"""For migrations that add a content field: rows nobody edited must still look unedited.

A seeded row stores the hash of the values the seed wrote (`seed_fingerprint`). A new
field changes the values a row hashes to, so without this every row would look edited
and re-seeding would keep the new field's placeholder instead of the seed's value. For
each row whose values without the new fields still match its fingerprint, the
fingerprint is recomputed with them. Works on a migration's historical models.
"""

from careers.seeding.fingerprint import fingerprint
from careers.seeding.schema import row_values


def refingerprint_unedited_rows(apps, new_fields: dict[str, tuple[str, ...]]) -> None:
    for model_name, fields in new_fields.items():
        model = apps.get_model("careers", model_name)
        for row in model.objects.exclude(seed_fingerprint=""):
            if fingerprint(row_values(row, leave_out=fields)) == row.seed_fingerprint:
                row.seed_fingerprint = fingerprint(row_values(row))
                row.save(update_fields=["seed_fingerprint"])


def refingerprint_reshaped_rows(apps, changes: dict, fill=None) -> None:
    """For a migration that adds and removes fields at once; run it between the two, while
    the rows carry both. `changes` maps a model name to (added fields, removed fields);
    `fill(model_name, row)` may set the added fields from the old ones. A row whose old
    values still match its fingerprint gets the fingerprint of its new values."""
    for model_name, (added, removed) in changes.items():
        model = apps.get_model("careers", model_name)
        for row in model.objects.all():
            unedited = bool(row.seed_fingerprint) and (
                fingerprint(row_values(row, leave_out=added)) == row.seed_fingerprint
            )
            if fill is not None:
                fill(model_name, row)
            if unedited:
                row.seed_fingerprint = fingerprint(row_values(row, leave_out=removed))
            row.save()
