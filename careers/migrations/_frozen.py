"""Frozen copies, for migrations 0004 and 0005, of the seeding code they ran with.

Never edit: a migration must do the same on every database whenever it runs, so it
carries what it needs instead of importing live code (which later changes). Django does
not load this module as a migration (its name starts with an underscore).

As of 2026-11: careers.seeding.fingerprint.fingerprint, careers.seeding.schema's
content_fields and row_values, careers.seeding.new_fields, and the article's headings.
"""

import hashlib
import json

ARTICLE_SECTIONS = (
    "AI Pair Programmer vs AI Architect: Which Role Fits You Best?",
    "Understanding the Roles: AI Pair Programmer vs AI Architect",
    "Core Responsibilities of an AI Pair Programmer",
    "Key Functions of an AI Architect",
    "AI Pair Programmer vs AI Architect: Skills and Qualifications Compared",
    "Career Paths and Salary Prospects for Each Role",
    "AI Engineer vs AI Architect: Who Earns More?",
    "Popular Tools and Technologies: AI Pair Programmer and AI Architect",
    "AI Pair Programming Tools and Platforms",
    "Common Architect Tools and Frameworks",
    "Work Environments and Team Dynamics",
    "Choosing Between AI Pair Programmer and AI Architect: Decision Factors",
    "FAQ: AI Pair Programmer vs AI Architect",
    "Conclusion: Determining Your Best Fit in AI Roles",
    "References",
)


def fingerprint(values):
    comparable = {
        name: value.replace("\r\n", "\n") if isinstance(value, str) else value
        for name, value in values.items()
    }
    canonical = json.dumps(comparable, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def content_fields(model):
    concrete = [
        f
        for f in model._meta.concrete_fields
        if f.editable and not f.primary_key and f.name != "seed_fingerprint"
    ]
    return concrete + list(model._meta.many_to_many)


def row_values(row, *, leave_out=()):
    values = {}
    for f in content_fields(type(row)):
        if f.name in leave_out:
            continue
        if f.many_to_many:
            values[f.name] = sorted(related.slug for related in getattr(row, f.name).all())
        elif f.is_relation:
            related = getattr(row, f.name)
            values[f.name] = related.slug if related is not None else None
        else:
            values[f.name] = getattr(row, f.name)
    return values


def refingerprint_unedited_rows(apps, new_fields):
    for model_name, fields in new_fields.items():
        model = apps.get_model("careers", model_name)
        for row in model.objects.exclude(seed_fingerprint=""):
            if fingerprint(row_values(row, leave_out=fields)) == row.seed_fingerprint:
                row.seed_fingerprint = fingerprint(row_values(row))
                row.save(update_fields=["seed_fingerprint"])


def refingerprint_reshaped_rows(apps, changes, fill=None):
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
