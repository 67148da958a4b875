"""Reading content documents from files and text, and validating them whole."""

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from careers.content.models import Responsibility, RoleSkill
from careers.editable import EditableContent, Record, content_fields, unstorable_text_problem
from careers.seeding.schema import (
    COLLECTIONS,
    NESTED,
    SEED_DIR,
    SEED_FILES,
    ContentDocument,
    ContentError,
    document_key,
    natural_key_fields,
    unique_field_names,
)

# --- Reading files -------------------------------------------------------------------

# The whole content exports to about 63 KB; a document may be 16 times that. With the
# fields' own limits this bounds what an import can make pages and workers hold: at the
# limits, the largest page is 0.7 MB and a worker peaks under 100 MiB
# (scripts/content_memory.py).
DOCUMENT_SIZE_LIMIT = 1024 * 1024  # bytes
# A document nests 5 levels deep (collections, records, a role's responsibilities, each
# one); deeper is not a content document, and thousands of levels crash the JSON parser.
NESTING_LIMIT = 10

_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKET = re.compile(r"[\[\]{}]")


def _nesting_depth(text: str) -> int:
    """How deeply the arrays and objects of JSON `text` nest, brackets in strings aside."""
    depth = deepest = 0
    for bracket in _BRACKET.findall(_JSON_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    duplicates = sorted(key for key, count in Counter(key for key, _ in pairs).items() if count > 1)
    if duplicates:
        raise ValueError(f"duplicate key {duplicates[0]!r}")
    return dict(pairs)


def parse_json(text: str, origin: str) -> Any:
    """Parses JSON text, refusing duplicate keys and deep nesting; errors name `origin`
    and the position."""
    if _nesting_depth(text) > NESTING_LIMIT:
        raise ContentError(
            [f"{origin}: nested more than {NESTING_LIMIT} levels deep (a content document nests 5)"]
        )
    try:
        return json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except json.JSONDecodeError as error:
        raise ContentError(
            [f"{origin}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"]
        ) from None
    except ValueError as error:
        raise ContentError([f"{origin}: {error}"]) from None


def _too_large(origin: str) -> ContentError:
    return ContentError(
        [
            f"{origin}: larger than {DOCUMENT_SIZE_LIMIT // (1024 * 1024)} MB, the most a content "
            "document may be"
        ]
    )


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > DOCUMENT_SIZE_LIMIT:
            raise _too_large(str(path))
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
    if len(text.encode("utf-8", "surrogatepass")) > DOCUMENT_SIZE_LIMIT:
        raise _too_large(origin)
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
        problem = unstorable_text_problem(raw)
        if problem:
            raise ValueError(problem)
        raw = raw.strip()
    try:
        return f.clean(raw, None)
    except ValidationError as error:
        raise ValueError(" ".join(error.messages)) from None


def parse_record(
    model: type[EditableContent],
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
    if document_fingerprint is not None:
        try:
            clean_value(model._meta.get_field("seed_fingerprint"), document_fingerprint)
        except ValueError as error:
            found.append(f"{where}: seed_fingerprint: {error}")
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
        fixed = {document_key(model): slug}
        record = parse_record(model, raw, where=where, fixed=fixed, problems=problems)
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


def _declared_slugs(document: ContentDocument) -> dict[type[models.Model], dict[str, int]]:
    # Every slug the document declares (with its position), valid record or not, so one
    # bad record is reported once rather than again by everything that refers to it.
    return {
        COLLECTIONS[name]: {slug: position for position, slug in enumerate(collection, 1)}
        for name, collection in document.collections.items()
        if isinstance(collection, dict)
    }


def _reference_problems(record: Record, slugs: Mapping[type, Mapping[str, int]]) -> list[str]:
    problems = []
    for f in content_fields(record.model):
        if not f.is_relation:
            continue
        value = record.values[f.name]
        wanted = value if f.many_to_many else ([] if value is None else [value])
        known = slugs.get(f.related_model, {})
        noun = f.related_model._meta.verbose_name
        problems += [
            f"{record.where}: {f.name}: unknown {noun} {slug!r}"
            for slug in wanted
            if slug not in known
        ]
    return problems


def _constraint_problems(record: Record, slugs: Mapping[type, Mapping[str, int]]) -> list[str]:
    """Runs the model's check constraints, standing in document positions for related ids."""
    instance = record.model()
    for f in content_fields(record.model):
        value = record.values[f.name]
        if f.many_to_many:
            continue
        if f.is_relation:
            value = slugs.get(f.related_model, {}).get(value)
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
