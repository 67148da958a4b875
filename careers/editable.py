"""What counts as editable content: the one definition seeding, history and caching read.

A model is content when it subclasses `EditableContent`: editors change it in the admin,
the seed writes it, the history versions it, and saving it moves the content version
that every cached page is checked against. What visitors store (assessment results and
the questionnaires they were scored against) is not content.

A row's values in document form (relations as slugs) hash to its fingerprint until an
editor changes it: `seed_status` tells seeding, the admin's filter and the history apart.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models

from careers.fingerprint import fingerprint

# How long a text an editor or an import may write (docs/editors.md lists every field's).
# The seed's longest paragraph is 567 characters and its longest one-sentence text 204: the
# limits leave several times that, and keep every page small whatever is imported.
SHORT_TEXT = 1_000  # a sentence or two: descriptions, a responsibility, an outlook
LONG_TEXT = 4_000  # a few paragraphs: a role's summary, an FAQ's answer, a key point

# Code points PostgreSQL cannot store in text: NUL, and the halves of UTF-16 surrogate
# pairs (a JSON "\ud800" escape on its own decodes to one; paired, they make one character).
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def bounded_text_field(max_length: int, **options) -> models.TextField:
    """A TextField held to `max_length` by the admin's form (a textarea `maxlength`) and by
    model validation, which imports use too."""
    return models.TextField(
        max_length=max_length, validators=[MaxLengthValidator(max_length)], **options
    )


def unstorable_text_problem(text: str) -> str | None:
    """Why `text` cannot be stored (a NUL or an unpaired surrogate in it), or None."""
    found = UNSTORABLE.search(text)
    if found is None:
        return None
    if found.group() == "\x00":
        return "contains a NUL character (U+0000), which cannot be stored"
    return (
        f"contains U+{ord(found.group()):04X}, half of a UTF-16 surrogate pair on its own, "
        "which is not a character and cannot be stored"
    )


def text_fields(model: type[models.Model]) -> list[models.Field]:
    """The fields of `model` that hold text an editor or a document writes."""
    return [f for f in content_fields(model) if isinstance(f, models.CharField | models.TextField)]


class EditableContent(models.Model):
    """Content an editor can change, and that `seed_content` may have created.

    `seed_fingerprint` is the hash of the values the seed last wrote; when the row's
    current values no longer hash to it, an editor has changed the row and re-seeding
    leaves it alone (unless `--update` is given).
    """

    seed_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        """Django's checks, then a field error for text PostgreSQL cannot store (which
        otherwise fails at save: a 500 in the admin)."""
        errors: dict[str, list] = {}
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for f in text_fields(type(self)):
            value = getattr(self, f.attname)
            if f.name in errors or f.name in (exclude or ()) or not isinstance(value, str):
                continue
            problem = unstorable_text_problem(value)
            if problem:
                errors[f.name] = [ValidationError(f"This text {problem}.", code="unstorable")]
        if errors:
            raise ValidationError(errors)


def editable_models() -> list[type[EditableContent]]:
    """Every content model of the app, in the order Django registered them."""
    return [
        model
        for model in apps.get_app_config("careers").get_models()
        if issubclass(model, EditableContent)
    ]


def content_fields(model: type[models.Model]) -> list[models.Field]:
    """The fields a document carries for `model`: all editable ones but the id."""
    concrete = [
        f
        for f in model._meta.concrete_fields
        if f.editable and not f.primary_key and f.name != "seed_fingerprint"
    ]
    return concrete + list(model._meta.many_to_many)


def row_values(row: EditableContent, *, leave_out: Iterable[str] = ()) -> dict[str, Any]:
    """A row's current values in document form (relations as slugs, many-to-many sorted).

    Works on a migration's historical rows too; `leave_out` names fields to skip.
    """
    values: dict[str, Any] = {}
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


def seed_status(row: EditableContent) -> Literal["seeded", "edited", "added"]:
    """Whether a row is as the seed (or an import) wrote it, edited since, or never seeded."""
    if not row.seed_fingerprint:
        return "added"
    return "seeded" if fingerprint(row_values(row)) == row.seed_fingerprint else "edited"


def content_queryset(model: type[EditableContent]) -> models.QuerySet:
    """`model`'s rows with the related rows `row_values` reads, fetched in bulk."""
    relations = [f.name for f in content_fields(model) if f.is_relation and not f.many_to_many]
    many = [f.name for f in content_fields(model) if f.many_to_many]
    queryset = model.objects.prefetch_related(*many)
    return queryset.select_related(*relations) if relations else queryset


@dataclass(frozen=True)
class Record:
    """One row as the document describes it: relations by slug, many-to-many sorted."""

    model: type[EditableContent]
    values: dict[str, Any]
    where: str
    document_fingerprint: str | None = None
