"""For migrations that add a content field: rows nobody edited must still look unedited.

A seeded row stores the hash of the values the seed wrote (`seed_fingerprint`). A new
field changes the values a row hashes to, so without this every row would look edited
and re-seeding would keep the new field's placeholder instead of the seed's value. For
each row whose values without the new fields still match its fingerprint, the
fingerprint is recomputed with them. Works on a migration's historical models.
"""

from careers.seeding.fingerprint import fingerprint


def document_values(row, *, leave_out=()) -> dict:
    """A historical row's values as the seed writes them (relations as slugs)."""
    values = {}
    for f in [*row._meta.concrete_fields, *row._meta.many_to_many]:
        if not f.editable or f.primary_key or f.name == "seed_fingerprint" or f.name in leave_out:
            continue
        if f.many_to_many:
            values[f.name] = sorted(related.slug for related in getattr(row, f.name).all())
        elif f.is_relation:
            related = getattr(row, f.name)
            values[f.name] = related.slug if related is not None else None
        else:
            values[f.name] = getattr(row, f.name)
    return values


def refingerprint_unedited_rows(apps, new_fields: dict[str, tuple[str, ...]]) -> None:
    for model_name, fields in new_fields.items():
        model = apps.get_model("careers", model_name)
        for row in model.objects.exclude(seed_fingerprint=""):
            if fingerprint(document_values(row, leave_out=fields)) == row.seed_fingerprint:
                row.seed_fingerprint = fingerprint(document_values(row))
                row.save(update_fields=["seed_fingerprint"])
