"""What changed between two states of a content row, field by field.

A *state* is a row's values plus those of the rows that travel with it (a role's
responsibilities, skills and salaries), taken either from a stored version or from the
database as it is now. Comparing two states gives the lines the history page shows:
the field, the old value and the new one.
"""

import difflib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.db import models
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from reversion.models import Version

from careers.history.registry import FOLLOW

# Bookkeeping, not content: never shown as a change.
HIDDEN_FIELDS = {"id", "seed_fingerprint", "search_vector"}


# A word with the spaces after it: spaces alone would match everywhere and split the marks.
WORDS = re.compile(r"\s+|\S+\s*")


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str

    @cached_property
    def marked(self) -> tuple[SafeString, SafeString]:
        """Old and new as HTML, the words that differ wrapped in <del> and <ins>, so a
        one-word edit in a long paragraph stands out."""
        old, new = WORDS.findall(self.old), WORDS.findall(self.new)
        old_parts, new_parts = [], []
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
            before, after = "".join(old[i1:i2]), "".join(new[j1:j2])
            if tag == "equal":
                old_parts.append(("{}", before))
                new_parts.append(("{}", after))
                continue
            if before:
                old_parts.append(("<del>{}</del>", before))
            if after:
                new_parts.append(("<ins>{}</ins>", after))
        return _join(old_parts), _join(new_parts)

    @property
    def old_html(self) -> SafeString:
        return self.marked[0]

    @property
    def new_html(self) -> SafeString:
        return self.marked[1]


def _join(parts: list[tuple[str, str]]) -> SafeString:
    return mark_safe("".join(fmt.format(escape(text)) for fmt, text in parts))  # noqa: S308


@dataclass
class RowState:
    """One row's displayable values, keyed by field label, in model field order."""

    model: type[models.Model]
    pk: Any
    label: str
    values: dict[str, str] = field(default_factory=dict)


@dataclass
class State:
    row: RowState
    children: dict[tuple[type, Any], RowState] = field(default_factory=dict)


def shown_fields(model: type[models.Model]) -> list[models.Field]:
    fields = [*model._meta.concrete_fields, *model._meta.many_to_many]
    return [f for f in fields if f.name not in HIDDEN_FIELDS]


# Within `related_names()`, each related model's names are read once (a whole history
# page names the same few roles and sources dozens of times); outside it, row by row.
_names: ContextVar[dict | None] = ContextVar("related_names", default=None)


@contextmanager
def related_names() -> Iterator[None]:
    token = _names.set({})
    try:
        yield
    finally:
        _names.reset(token)


def _name_of(model: type[models.Model], pk: Any) -> str:
    cache = _names.get()
    if cache is None:
        row = model._default_manager.filter(pk=pk).first()
        return str(row) if row is not None else f"#{pk} (deleted)"
    if model not in cache:
        cache[model] = {row.pk: str(row) for row in model._default_manager.all()}
    return cache[model].get(pk, f"#{pk} (deleted)")


def _display(f: models.Field, value: Any) -> str:
    """A value as an editor reads it: names for relations, labels for choices."""
    if value is None or value == "" or value == []:
        return "—"
    if f.many_to_many:
        return ", ".join(_name_of(f.related_model, pk) for pk in sorted(value))
    if f.is_relation:
        return _name_of(f.related_model, value)
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    return str(value)


def _row_label(model: type[models.Model], values: dict[str, str], pk: Any) -> str:
    text = next((v for v in values.values() if len(v) > 3), str(pk))
    short = text if len(text) <= 60 else text[:57] + "…"
    return f"{str(model._meta.verbose_name).capitalize()} “{short}”"


def row_state(model: type[models.Model], obj: models.Model, m2m: dict[str, list]) -> RowState:
    values = {}
    for f in shown_fields(model):
        raw = sorted(m2m.get(f.name, [])) if f.many_to_many else getattr(obj, f.attname)
        values[str(f.verbose_name).capitalize()] = _display(f, raw)
    child_values = {k: v for k, v in values.items() if k.lower() != "role"}
    return RowState(model, obj.pk, _row_label(model, child_values, obj.pk), values)


def version_row_state(version: Version) -> RowState:
    deserialized = version._object_version
    return row_state(version._model, deserialized.object, deserialized.m2m_data or {})


def live_row_state(obj: models.Model) -> RowState:
    m2m = {f.name: [o.pk for o in getattr(obj, f.name).all()] for f in obj._meta.many_to_many}
    return row_state(type(obj), obj, m2m)


def followed_relations(model: type[models.Model]) -> list[models.ForeignObjectRel]:
    return [model._meta.get_field(name) for name in FOLLOW.get(model._meta.model_name, ())]


def family_versions(version: Version) -> list[Version]:
    """The versions, in `version`'s revision, of the rows that travel with its row."""
    family = []
    for relation in followed_relations(version._model):
        child_model, fk = relation.related_model, relation.field
        for child in Version.objects.get_for_model(child_model).filter(revision=version.revision):
            if str(getattr(child._object_version.object, fk.attname)) == str(version.object_id):
                family.append(child)
    return family


def version_state(version: Version) -> State:
    children = {}
    for child in family_versions(version):
        state = version_row_state(child)
        children[(state.model, str(state.pk))] = state
    return State(version_row_state(version), children)


def live_state(obj: models.Model) -> State:
    children = {}
    for relation in followed_relations(type(obj)):
        for child in getattr(obj, relation.get_accessor_name()).all():
            state = live_row_state(child)
            children[(state.model, str(state.pk))] = state
    return State(live_row_state(obj), children)


def _row_changes(old: RowState, new: RowState, prefix: str = "") -> list[Change]:
    return [
        Change(f"{prefix}{name}", old.values.get(name, "—"), value)
        for name, value in new.values.items()
        if old.values.get(name, "—") != value
    ]


def changes(old: State | None, new: State) -> list[Change]:
    """The lines that take `old` to `new`: its own fields, then added, removed and changed
    rows that travel with it. No `old` (the first version) gives no lines."""
    if old is None:
        return []
    lines = _row_changes(old.row, new.row)
    for key, child in new.children.items():
        before = old.children.get(key)
        if before is None:
            lines.append(Change(f"{child.label}", "—", "added"))
        else:
            # Named as it was, the way the editor last knew it.
            lines.extend(_row_changes(before, child, prefix=f"{before.label}: "))
    for key, child in old.children.items():
        if key not in new.children:
            lines.append(Change(f"{child.label}", "present", "removed"))
    return lines
