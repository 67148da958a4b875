"""Writing validated records: creating, refreshing or keeping rows, in one transaction.

Seeding respects editors: each row remembers the hash of the values the seed last
wrote (``seed_fingerprint``). A row whose values no longer hash to it was edited in the
admin and is kept as it is, unless the seed is applied with ``update=True``.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from django.db import DataError, IntegrityError, connection, models, transaction

from careers.editable import EditableContent, Record, content_fields, content_queryset, row_values
from careers.fingerprint import comparable, fingerprint
from careers.seeding.reading import parse_document, read_seed_directory
from careers.seeding.schema import (
    SEED_DIR,
    WRITE_ORDER,
    ContentDocument,
    ContentError,
    natural_key_fields,
    unique_field_names,
)

SEED_LOCK_ID = 7_245_001

Mode = Literal["seed", "update", "import"]
OUTCOMES = ("created", "updated", "unchanged", "kept-edited")


@dataclass
class Report:
    """How many rows of each model were created, updated, left unchanged or kept as edited."""

    counts: dict[str, Counter] = field(default_factory=dict)

    def add(self, model: type[models.Model], outcome: str) -> None:
        name = str(model._meta.verbose_name_plural)
        self.counts.setdefault(name, Counter())[outcome] += 1

    def total(self, outcome: str) -> int:
        return sum(counter[outcome] for counter in self.counts.values())

    def lines(self, outcomes: Iterable[str] = OUTCOMES) -> list[str]:
        """One line per model: its name, then the count of each outcome."""
        outcomes = tuple(outcomes)
        width = max((len(name) for name in self.counts), default=0)
        return [
            f"{name[:1].upper() + name[1:]:<{width}}  "
            + "  ".join(f"{outcome} {counter[outcome]}" for outcome in outcomes)
            for name, counter in self.counts.items()
        ]


# --- Writing -------------------------------------------------------------------------


@dataclass
class ExistingRows:
    """A model's rows, indexed the ways a document record can be matched to one."""

    by_key: dict[tuple[Any, ...], EditableContent]
    by_unique: dict[tuple[str, Any], EditableContent]
    by_fingerprint: dict[str, EditableContent]

    @classmethod
    def load(cls, model: type[EditableContent]) -> "ExistingRows":
        rows = list(content_queryset(model))
        key_names = [model._meta.get_field(name).attname for name in natural_key_fields(model)]
        return cls(
            by_key={tuple(getattr(row, name) for name in key_names): row for row in rows},
            by_unique={
                (name, getattr(row, name)): row
                for row in rows
                for name in unique_field_names(model)
            },
            by_fingerprint={row.seed_fingerprint: row for row in rows if row.seed_fingerprint},
        )

    def find(
        self, record: Record, key: tuple[Any, ...], *, by_key_only: bool
    ) -> EditableContent | None:
        """The row for `record`: by natural key; when seeding, also the row an editor gave a
        new slug, found by its unique name or by the fingerprint its record left on it."""
        row = self.by_key.get(key)
        if row is not None or by_key_only:
            return row
        for name in unique_field_names(record.model):
            row = self.by_unique.get((name, record.values[name]))
            if row is not None:
                return row
        return self.by_fingerprint.get(fingerprint(record.values))


def _resolved_key(record: Record, resolved: Mapping[type, Mapping[str, int]]) -> tuple[Any, ...]:
    key = []
    for name in natural_key_fields(record.model):
        f = record.model._meta.get_field(name)
        value = record.values[name]
        key.append(resolved[f.related_model][value] if f.is_relation else value)
    return tuple(key)


def _write_row(
    row: EditableContent,
    record: Record,
    resolved: Mapping[type, Mapping[str, int]],
    new_fingerprint: str,
) -> None:
    many: list[tuple[str, list[int]]] = []
    for f in content_fields(record.model):
        value = record.values[f.name]
        if f.many_to_many:
            many.append((f.name, [resolved[f.related_model][slug] for slug in value]))
        elif f.is_relation:
            pk = resolved[f.related_model][value] if value is not None else None
            setattr(row, f.attname, pk)
        else:
            setattr(row, f.name, value)
    row.seed_fingerprint = new_fingerprint
    try:
        row.save()
    # A clash with a row the document does not name; or a value validation let through,
    # reported in one line too (the transaction rolls everything back).
    except (IntegrityError, DataError) as error:
        raise ContentError([f"{record.where}: cannot be saved ({error})".strip()]) from None
    for name, pks in many:
        getattr(row, name).set(pks)


def _target_fingerprint(record: Record, mode: Mode) -> str:
    if mode == "import":
        return record.document_fingerprint or ""
    return fingerprint(record.values)


def apply_record(
    record: Record,
    existing: ExistingRows,
    resolved: Mapping[type, Mapping[str, int]],
    mode: Mode,
) -> tuple[str, EditableContent]:
    """Creates, refreshes or keeps one row; returns the outcome and the row."""
    new_fingerprint = _target_fingerprint(record, mode)
    key = _resolved_key(record, resolved)
    row = existing.find(record, key, by_key_only=mode == "import")
    if row is None:
        row = record.model()
        _write_row(row, record, resolved, new_fingerprint)
        return "created", row
    current = row_values(row)
    if comparable(current) == comparable(record.values):
        if row.seed_fingerprint != new_fingerprint:
            row.seed_fingerprint = new_fingerprint
            row.save(update_fields=["seed_fingerprint"])
        return "unchanged", row
    edited = not row.seed_fingerprint or fingerprint(current) != row.seed_fingerprint
    if mode == "seed" and edited:
        return "kept-edited", row
    _write_row(row, record, resolved, new_fingerprint)
    return "updated", row


def write_records(records: list[Record], *, mode: Mode) -> Report:
    """Writes validated records in one transaction: `seed` keeps rows editors changed,
    `update` overwrites them, `import` overwrites them and keeps the document's
    fingerprints."""
    report = Report()
    resolved: dict[type, dict[str, int]] = {}
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SEED_LOCK_ID])
        for model in WRITE_ORDER:
            existing = ExistingRows.load(model)
            for record in (r for r in records if r.model is model):
                outcome, row = apply_record(record, existing, resolved, mode)
                report.add(model, outcome)
                if "slug" in record.values:
                    resolved.setdefault(model, {})[record.values["slug"]] = row.pk
    return report


def seed_content(*, seed_dir: Path = SEED_DIR, update: bool = False) -> Report:
    """Loads the seed: creates what is missing, refreshes rows nobody edited, keeps rows
    an editor changed (or overwrites them too when `update` is true)."""
    records = parse_document(read_seed_directory(seed_dir))
    return write_records(records, mode="update" if update else "seed")


def import_document(document: ContentDocument) -> Report:
    """Creates or overwrites every record of an exported document, all or nothing."""
    return write_records(parse_document(document), mode="import")
