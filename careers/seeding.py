"""RoleFit's content as data: reading, validating, writing and exporting it.

The content is one JSON *document*: an object whose keys are collections
(``sources``, ``roles``, ``skill_areas``, ``tool_categories``, ``tools``, ``salaries``,
``factors``, ``questions``, ``faqs``), each an object keyed by slug. A role carries its
``responsibilities`` (a list) and a skill area its ``levels`` (keyed by role slug).
Relations are written as slugs. ``careers/seed/*.json`` split the document into files
(`SEED_FILES`); `export_document` produces it whole; `import` reads it back.

Everything is validated before anything is written, and the writes happen in one
transaction, so bad input changes nothing.

Seeding respects editors: each row remembers the hash of the values the seed last
wrote (``seed_fingerprint``). A row whose values no longer hash to it was edited in the
admin and is kept as it is, unless the seed is applied with ``update=True``.
"""

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models, transaction

from careers.models import (
    FAQ,
    DecisionFactor,
    Question,
    Responsibility,
    Role,
    RoleSkill,
    SalaryRange,
    SeededContent,
    SkillArea,
    Source,
    Tool,
    ToolCategory,
)

SEED_DIR = Path(__file__).resolve().parent / "seed"

# Which collections each seed file holds, in the order the document lists them.
SEED_FILES: dict[str, tuple[str, ...]] = {
    "sources.json": ("sources",),
    "roles.json": ("roles",),
    "skills.json": ("skill_areas",),
    "tools.json": ("tool_categories", "tools"),
    "salaries.json": ("salaries",),
    "factors.json": ("factors",),
    "questions.json": ("questions",),
    "faqs.json": ("faqs",),
}

# Top-level collections: name -> model, each keyed by slug.
COLLECTIONS: dict[str, type[SeededContent]] = {
    "sources": Source,
    "roles": Role,
    "skill_areas": SkillArea,
    "tool_categories": ToolCategory,
    "tools": Tool,
    "salaries": SalaryRange,
    "factors": DecisionFactor,
    "questions": Question,
    "faqs": FAQ,
}

# Rows that live inside a parent record: parent collection -> (key, model).
NESTED: dict[str, tuple[str, type[SeededContent]]] = {
    "roles": ("responsibilities", Responsibility),
    "skill_areas": ("levels", RoleSkill),
}

# Models are written in this order, so every relation points at a row already written.
WRITE_ORDER: tuple[type[SeededContent], ...] = (
    Source,
    Role,
    Responsibility,
    SkillArea,
    RoleSkill,
    ToolCategory,
    Tool,
    SalaryRange,
    DecisionFactor,
    Question,
    FAQ,
)

# How a row is recognised across runs; every other content model is recognised by slug.
NATURAL_KEYS: dict[type[SeededContent], tuple[str, ...]] = {
    Responsibility: ("role", "order"),
    RoleSkill: ("role", "area"),
}

# Two processes seeding at once (several app servers starting) take turns.
SEED_LOCK_ID = 7_245_001

Mode = Literal["seed", "update", "import"]
OUTCOMES = ("created", "updated", "unchanged", "kept-edited")


class ContentError(Exception):
    """Content that cannot be loaded; `problems` names each file and record at fault."""

    def __init__(self, problems: Iterable[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class ContentDocument:
    """Collections read from one or more files, with the file each collection came from."""

    collections: dict[str, Any]
    origins: dict[str, str]


@dataclass(frozen=True)
class Record:
    """One row as the document describes it: relations by slug, many-to-many sorted."""

    model: type[SeededContent]
    values: dict[str, Any]
    where: str
    document_fingerprint: str | None = None


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


# --- Fields and values ---------------------------------------------------------------


def content_fields(model: type[models.Model]) -> list[models.Field]:
    """The fields a document carries for `model`: all editable ones but the id."""
    concrete = [
        f
        for f in model._meta.concrete_fields
        if f.editable and not f.primary_key and f.name != "seed_fingerprint"
    ]
    return concrete + list(model._meta.many_to_many)


def natural_key_fields(model: type[SeededContent]) -> tuple[str, ...]:
    """The fields that identify a row of `model` from one run to the next."""
    return NATURAL_KEYS.get(model, ("slug",))


def unique_field_names(model: type[SeededContent]) -> list[str]:
    """Fields besides the slug that no two rows of `model` may share (a role's name)."""
    return [
        f.name
        for f in content_fields(model)
        if getattr(f, "unique", False) and not f.primary_key and f.name != "slug"
    ]


def row_values(row: SeededContent) -> dict[str, Any]:
    """A row's current values in document form (relations as slugs, many-to-many sorted)."""
    values: dict[str, Any] = {}
    for f in content_fields(type(row)):
        if f.many_to_many:
            values[f.name] = sorted(related.slug for related in getattr(row, f.name).all())
        elif f.is_relation:
            related = getattr(row, f.name)
            values[f.name] = related.slug if related is not None else None
        else:
            values[f.name] = getattr(row, f.name)
    return values


def _comparable(value: Any) -> Any:
    # Browsers send textarea line breaks as CRLF; an unedited save must not look edited.
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


def comparable(values: Mapping[str, Any]) -> dict[str, Any]:
    """`values` with text normalised the way fingerprints and comparisons see it."""
    return {name: _comparable(value) for name, value in values.items()}


def fingerprint(values: Mapping[str, Any]) -> str:
    """The SHA-256 of a row's values, as stored in `seed_fingerprint`."""
    canonical = json.dumps(comparable(values), sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def seed_status(row: SeededContent) -> Literal["seeded", "edited", "added"]:
    """Whether a row is as the seed (or an import) wrote it, edited since, or never seeded."""
    if not row.seed_fingerprint:
        return "added"
    return "seeded" if fingerprint(row_values(row)) == row.seed_fingerprint else "edited"


# --- Reading files -------------------------------------------------------------------


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"duplicate key {duplicates[0]!r}")
    return dict(pairs)


def parse_json(text: str, origin: str) -> Any:
    """Parses JSON text, refusing duplicate keys; errors name `origin` and the position."""
    try:
        return json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except json.JSONDecodeError as error:
        raise ContentError(
            [f"{origin}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"]
        ) from None
    except ValueError as error:
        raise ContentError([f"{origin}: {error}"]) from None


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError([f"{path}: no such file"]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError([f"{path}: cannot be read ({error})"]) from None


def _collections_of(data: Any, origin: str, expected: Iterable[str] | None) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ContentError([f"{origin}: expected a JSON object of collections"])
    allowed = tuple(expected) if expected is not None else tuple(COLLECTIONS)
    problems = [
        f"{origin}: unknown collection {name!r} (expected one of: {', '.join(allowed)})"
        for name in data
        if name not in allowed
    ]
    if expected is not None:
        problems += [
            f"{origin}: missing the collection {name!r}" for name in allowed if name not in data
        ]
    if problems:
        raise ContentError(problems)
    return data


def read_seed_directory(seed_dir: Path = SEED_DIR) -> ContentDocument:
    """Reads every file of `SEED_FILES` from `seed_dir` into one document."""
    if not Path(seed_dir).is_dir():
        raise ContentError([f"{seed_dir}: no such seed directory"])
    collections: dict[str, Any] = {}
    origins: dict[str, str] = {}
    problems: list[str] = []
    for file_name, names in SEED_FILES.items():
        try:
            data = parse_json(_read_text(Path(seed_dir) / file_name), file_name)
            collections.update(_collections_of(data, file_name, names))
        except ContentError as error:
            problems += error.problems
            continue
        origins.update(dict.fromkeys(names, file_name))
    if problems:
        raise ContentError(problems)
    return ContentDocument(collections, origins)


def read_document_text(text: str, origin: str) -> ContentDocument:
    """Reads a whole document (as `export_document` writes it) from JSON text."""
    collections = _collections_of(parse_json(text, origin), origin, expected=None)
    return ContentDocument(collections, dict.fromkeys(collections, origin))


def read_document_file(path: Path) -> ContentDocument:
    """Reads a whole document (as `export_document` writes it) from a file."""
    return read_document_text(_read_text(Path(path)), str(path))


# --- Validating ----------------------------------------------------------------------

JSON_TYPES: tuple[tuple[type[models.Field], type | tuple[type, ...], str], ...] = (
    (models.BooleanField, bool, "true or false"),
    (models.IntegerField, int, "a whole number"),
    (models.CharField, str, "a string"),
    (models.TextField, str, "a string"),
)


def _check_json_type(f: models.Field, raw: Any) -> None:
    for field_class, python_type, description in JSON_TYPES:
        if isinstance(f, field_class):
            wrong_bool = isinstance(raw, bool) and python_type is int
            if wrong_bool or not isinstance(raw, python_type):
                raise ValueError(f"expected {description}, got {json.dumps(raw)}")
            return


def clean_value(f: models.Field, raw: Any) -> Any:
    """One field's value from the document, checked as the model field checks it."""
    if f.many_to_many:
        if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
            raise ValueError("expected a list of slugs")
        if not raw and not f.blank:
            raise ValueError(f"needs at least one {f.related_model._meta.verbose_name}")
        return sorted(set(raw))
    if raw is None:
        if f.null:
            return None
        raise ValueError("must not be null")
    if f.is_relation:
        if not isinstance(raw, str):
            raise ValueError("expected a slug")
        return raw
    _check_json_type(f, raw)
    if isinstance(raw, str):
        raw = raw.strip()
    try:
        return f.clean(raw, None)
    except ValidationError as error:
        raise ValueError(" ".join(error.messages)) from None


def parse_record(
    model: type[SeededContent],
    raw: Any,
    *,
    where: str,
    fixed: Mapping[str, Any],
    problems: list[str],
) -> Record | None:
    """Checks one record's fields; `fixed` holds values its position implies (slug, parent)."""
    if not isinstance(raw, dict):
        problems.append(f"{where}: expected a JSON object")
        return None
    data = dict(raw)
    document_fingerprint = data.pop("seed_fingerprint", None)
    fields = {f.name: f for f in content_fields(model)}
    found: list[str] = [
        f"{where}: unknown field {name!r}" for name in data if name not in fields or name in fixed
    ]
    if document_fingerprint is not None and not isinstance(document_fingerprint, str):
        found.append(f"{where}: seed_fingerprint: expected a string")
    data.update(fixed)
    values: dict[str, Any] = {}
    for name, f in fields.items():
        if name not in data and not (f.many_to_many or f.has_default() or f.blank or f.null):
            found.append(f"{where}: missing field {name!r}")
            continue
        raw_value = data[name] if name in data else ([] if f.many_to_many else f.get_default())
        try:
            values[name] = clean_value(f, raw_value)
        except ValueError as error:
            found.append(f"{where}: {name}: {error}")
    problems += found
    if found:
        return None
    return Record(model, values, where, document_fingerprint)


def _records_of_collection(
    name: str, collection: Any, origin: str, problems: list[str]
) -> Iterator[Record]:
    model = COLLECTIONS[name]
    if not isinstance(collection, dict):
        problems.append(f"{origin}: {name}: expected an object keyed by slug")
        return
    nested_key, nested_model = NESTED.get(name, (None, None))
    for slug, raw in collection.items():
        where = f"{origin}: {name} {slug!r}"
        children: Any = None
        if nested_key and isinstance(raw, dict):
            raw = dict(raw)
            children = raw.pop(nested_key, None)
        record = parse_record(model, raw, where=where, fixed={"slug": slug}, problems=problems)
        if record:
            yield record
        if children is None:
            continue
        if nested_model is Responsibility:
            yield from _responsibilities(children, slug, where, problems)
        else:
            yield from _skill_levels(children, slug, where, problems)


def _responsibilities(items: Any, role: str, where: str, problems: list[str]) -> Iterator[Record]:
    if not isinstance(items, list):
        problems.append(f"{where}: responsibilities: expected a list")
        return
    for position, raw in enumerate(items, start=1):
        record = parse_record(
            Responsibility,
            raw,
            where=f"{where}, responsibility {position}",
            fixed={"role": role},
            problems=problems,
        )
        if record:
            yield record


def _skill_levels(levels: Any, area: str, where: str, problems: list[str]) -> Iterator[Record]:
    if not isinstance(levels, dict):
        problems.append(f"{where}: levels: expected an object keyed by role slug")
        return
    for role, raw in levels.items():
        record = parse_record(
            RoleSkill,
            raw,
            where=f"{where}, level for {role!r}",
            fixed={"role": role, "area": area},
            problems=problems,
        )
        if record:
            yield record


def _declared_slugs(document: ContentDocument) -> dict[type[models.Model], list[str]]:
    # Every slug the document declares, valid record or not, so one bad record is
    # reported once rather than again by everything that refers to it.
    return {
        COLLECTIONS[name]: list(collection)
        for name, collection in document.collections.items()
        if isinstance(collection, dict)
    }


def _reference_problems(record: Record, slugs: Mapping[type, list[str]]) -> list[str]:
    problems = []
    for f in content_fields(record.model):
        if not f.is_relation:
            continue
        value = record.values[f.name]
        wanted = value if f.many_to_many else ([] if value is None else [value])
        known = slugs.get(f.related_model, [])
        noun = f.related_model._meta.verbose_name
        problems += [
            f"{record.where}: {f.name}: unknown {noun} {slug!r}"
            for slug in wanted
            if slug not in known
        ]
    return problems


def _constraint_problems(record: Record, slugs: Mapping[type, list[str]]) -> list[str]:
    """Runs the model's check constraints, standing in document positions for related ids."""
    instance = record.model()
    for f in content_fields(record.model):
        value = record.values[f.name]
        if f.many_to_many:
            continue
        if f.is_relation:
            known = slugs.get(f.related_model, [])
            value = known.index(value) + 1 if value in known else None
            setattr(instance, f.attname, value)
        else:
            setattr(instance, f.name, value)
    problems = []
    for constraint in record.model._meta.constraints:
        if not isinstance(constraint, models.CheckConstraint):
            continue  # uniqueness is checked across the document instead
        try:
            constraint.validate(record.model, instance)
        except ValidationError as error:
            problems += [f"{record.where}: {message}" for message in error.messages]
    return problems


def _record_key(record: Record) -> tuple[Any, ...]:
    return tuple(record.values[name] for name in natural_key_fields(record.model))


def _uniqueness_problems(records: list[Record]) -> list[str]:
    problems = []
    seen: dict[tuple[Any, ...], Record] = {}
    for record in records:
        model = record.model
        keys = [("key", _record_key(record))] + [
            (name, (record.values[name],)) for name in unique_field_names(model)
        ]
        for label, key in keys:
            first = seen.setdefault((model, label, *key), record)
            if first is not record:
                what = ", ".join(natural_key_fields(model)) if label == "key" else label
                problems.append(f"{record.where}: same {what} as {first.where}")
    return problems


def parse_document(document: ContentDocument) -> list[Record]:
    """Validates a whole document and returns its records; raises ContentError listing
    every problem, each naming the file and the record, before anything is written."""
    problems: list[str] = []
    records: list[Record] = []
    for name, collection in document.collections.items():
        origin = document.origins.get(name, "document")
        records += _records_of_collection(name, collection, origin, problems)
    slugs = _declared_slugs(document)
    for record in records:
        reference_problems = _reference_problems(record, slugs)
        problems += reference_problems or _constraint_problems(record, slugs)
    problems += _uniqueness_problems(records)
    if problems:
        raise ContentError(problems)
    return records


# --- Writing -------------------------------------------------------------------------


def content_queryset(model: type[SeededContent]) -> models.QuerySet:
    """`model`'s rows with the related rows `row_values` reads, fetched in bulk."""
    relations = [f.name for f in content_fields(model) if f.is_relation and not f.many_to_many]
    many = [f.name for f in content_fields(model) if f.many_to_many]
    queryset = model.objects.prefetch_related(*many)
    return queryset.select_related(*relations) if relations else queryset


@dataclass
class ExistingRows:
    """A model's rows, indexed the ways a document record can be matched to one."""

    by_key: dict[tuple[Any, ...], SeededContent]
    by_unique: dict[tuple[str, Any], SeededContent]
    by_fingerprint: dict[str, SeededContent]

    @classmethod
    def load(cls, model: type[SeededContent]) -> "ExistingRows":
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
    ) -> SeededContent | None:
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
    row: SeededContent,
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
    except IntegrityError as error:
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
) -> tuple[str, SeededContent]:
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


# --- Exporting -----------------------------------------------------------------------


def _document_values(row: SeededContent, *, implied: Iterable[str]) -> dict[str, Any]:
    values = {k: v for k, v in row_values(row).items() if k not in set(implied)}
    values["seed_fingerprint"] = row.seed_fingerprint
    return values


def export_document() -> dict[str, Any]:
    """Every content row, in the seed's shape (one key per collection), with fingerprints."""
    document: dict[str, Any] = {}
    for name in (name for names in SEED_FILES.values() for name in names):
        document[name] = {
            row.slug: _document_values(row, implied=["slug"])
            for row in content_queryset(COLLECTIONS[name])
        }
    for row in content_queryset(Responsibility):
        role = document["roles"][row.role.slug]
        role.setdefault("responsibilities", []).append(_document_values(row, implied=["role"]))
    for row in content_queryset(RoleSkill):
        area = document["skill_areas"][row.area.slug]
        levels = area.setdefault("levels", {})
        levels[row.role.slug] = _document_values(row, implied=["role", "area"])
    return document
